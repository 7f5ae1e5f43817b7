export type { HttpProbe } from './http';
export { Inventory, type LabScope, type Prefetchable, tag } from './inventory';
export * from './security-groups';
