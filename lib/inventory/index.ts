export type { HttpProbe } from './http';
export { Inventory, type LabScope, tag } from './inventory';
export * from './security-groups';
