import type { Inventory } from './inventory';

/**
 * The prefetchable reads of stages 05–06 (lib/inventory/decoupled.ts and multi-region.ts): a check names them in
 * `reads`, and a run starts them with the rest.
 */
export const laterReads = {
  internalAlbs: (inv: Inventory) => inv.decoupled.internalAlbs(),
  fiveTierChain: (inv: Inventory) => inv.decoupled.fiveTierChain(),
  labQueues: (inv: Inventory) => inv.decoupled.labQueues(),
  workerScaling: (inv: Inventory) => inv.decoupled.workerScaling(),
  s3GatewayEndpoints: (inv: Inventory) => inv.decoupled.s3GatewayEndpoints(),
  labTopics: (inv: Inventory) => inv.decoupled.labTopics(),
  serverlessPaths: (inv: Inventory) => inv.decoupled.serverlessPaths(),
  secondRegion: (inv: Inventory) => inv.global.secondRegion(),
  globalTables: (inv: Inventory) => inv.global.globalTables(),
  auroraClusters: (inv: Inventory) => inv.global.auroraClusters(),
  globalDatabases: (inv: Inventory) => inv.global.globalDatabases(),
  regionalRouting: (inv: Inventory) => inv.global.regionalRouting(),
  bucketReplication: (inv: Inventory) => inv.global.bucketReplication(),
} satisfies Record<string, (inv: Inventory) => Promise<unknown>>;

export type LaterRead = keyof typeof laterReads;

export const isLaterRead = (read: string): read is LaterRead => Object.hasOwn(laterReads, read);
