import type { Handlers } from '../context';
import { computeHandlers } from './compute';
import { governanceHandlers } from './governance';
import { managedHandlers } from './managed';

/** Every describe the Inventory and the checks use, beyond CloudFormation, EC2 and identity. */
export const serviceHandlers: Handlers = { ...computeHandlers, ...managedHandlers, ...governanceHandlers };
