import { getInstructorStore } from '@/lib/progress/instructor-store';
import { ensureSetupToken } from './setup-token';

/**
 * At server start, while no instructor exists: print how to reach first-run setup, with the one-time token that
 * allows it from another computer. Never fails the start: setup from this machine needs no token anyway.
 */
export async function announceSetup(log: (line: string) => void = console.log): Promise<void> {
  try {
    if ((await (await getInstructorStore()).instructorCount()) > 0) return;
    const token = await ensureSetupToken();
    log(
      `ScaleLab has no instructor yet: open /en/instructor/setup from this machine, or from another computer with the setup token ${token}`,
    );
  } catch (err) {
    log(`ScaleLab could not check for first-run setup: ${(err as Error).message}`);
  }
}
