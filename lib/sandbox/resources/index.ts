import { databaseModels } from './databases';
import { computeModels } from './ec2-compute';
import { networkModels } from './ec2-network';
import { iamModels } from './iam';
import { loadBalancingModels } from './load-balancing';
import { messagingModels } from './messaging';
import type { Models, ResourceModel } from './model';
import { operationsModels } from './operations';
import { rdsModels } from './rds';
import { rdsGlobalModels } from './rds-global';
import { secretsModels } from './secrets';
import { storageModels } from './storage-cdn';

export type { Child, Made, ModelContext, ResourceModel, World } from './model';

/** Every resource type the sandbox can deploy. Anything else fails its stack with "not supported by the sandbox". */
export const MODELS: Models = {
  ...networkModels,
  ...computeModels,
  ...iamModels,
  ...loadBalancingModels,
  ...rdsModels,
  ...rdsGlobalModels,
  ...storageModels,
  ...databaseModels,
  ...messagingModels,
  ...operationsModels,
  ...secretsModels,
};

export function modelFor(type: string): ResourceModel | undefined {
  return MODELS[type];
}

export const supportedTypes = (): string[] => Object.keys(MODELS).sort();
