import { CacheAutomateSecure } from './cache-automate-secure';
import { Decouple } from './decouple';
import { GoGlobal } from './go-global';
import { HighAvailability } from './high-availability';
import { OneBox } from './one-box';
import { ScaleOut } from './scale-out';
import { SplitDatabase } from './split-database';

/** Every architecture diagram a lab may name in `<Diagram name="…" />`, one per stage. */
export const diagrams = {
  'one-box': OneBox,
  'split-database': SplitDatabase,
  'high-availability': HighAvailability,
  'scale-out': ScaleOut,
  'cache-automate-secure': CacheAutomateSecure,
  decouple: Decouple,
  'go-global': GoGlobal,
} as const;

export type DiagramName = keyof typeof diagrams;
