/**
 * The IAM actions each CloudFormation resource type's create / update / delete handlers call, from the resource
 * provider schemas' `handlers.<op>.permissions` (CloudFormation User Guide, "Resource type schema" → handlers).
 * The data, its source and the date it was taken are in handler-permissions.json (scripts/handler-permissions.ts
 * regenerates it from the schemas; nothing here reads the network).
 */
import table from './handler-permissions.json';

export type HandlerOp = 'create' | 'update' | 'delete';

export interface HandlerRow {
  /** The schema file the row was copied from (null: not a registry type, see `source`). */
  schema: string | null;
  /** The schema's own sourceUrl: the provider's repository, where it is published. */
  provider: string | null;
  /** For rows not taken from a schema: the AWS guide the actions come from. */
  source?: string;
  create: string[];
  update: string[];
  delete: string[];
}

export interface HandlerTable {
  source: { repo: string; path: string; commit: string; commitDate: string; retrieved: string; docs: string };
  types: Record<string, HandlerRow>;
}

export const handlerTable = table as unknown as HandlerTable;

/**
 * Entries the schemas list that are not IAM actions, so no policy can grant them and a policy naming them is flagged
 * (cfn-lint W3037 checks actions against the Service Authorization Reference). The API they name is authorized by
 * another action, which the same handler lists.
 */
const S3_OTHER = 'an S3 API authorized by the matching s3:Put… action (Service Authorization Reference, Amazon S3)';
export const NOT_IAM_ACTIONS: Record<string, string> = {
  's3:rest.put.object': 'an S3 server-access-log operation name, not an action',
  's3:deletebucketanalyticsconfiguration': S3_OTHER,
  's3:deletebucketcors': S3_OTHER,
  's3:deletebucketencryption': S3_OTHER,
  's3:deletebucketlifecycle': S3_OTHER,
  's3:deletebucketmetricsconfiguration': S3_OTHER,
  's3:deletebucketreplication': S3_OTHER,
  's3:putbucketreplication': 's3:PutReplicationConfiguration is the action',
  's3:putobjectlockconfiguration': 's3:PutBucketObjectLockConfiguration is the action',
  's3:updatebucketmetadataannotationtableconfiguration':
    'not in the Service Authorization Reference cfn-lint 1.51 ships',
  'cloudfront:createdistributionwithtags': 'authorized as cloudfront:CreateDistribution + cloudfront:TagResource',
  'apigateway:tagresource': 'API Gateway authorizes tagging as apigateway:PUT on the tags resource',
  'apigateway:untagresource': 'API Gateway authorizes untagging as apigateway:DELETE on the tags resource',
  'managed-fleets:*':
    'a service prefix the Service Authorization Reference cfn-lint 1.51 ships does not know (AWS::AutoScaling::AutoScalingGroup lists it for an optional feature the labs do not use)',
};

const excluded = (action: string) => {
  const lower = action.toLowerCase();
  return lower in NOT_IAM_ACTIONS || `${lower.split(':')[0]}:*` in NOT_IAM_ACTIONS;
};

export function handlerRow(type: string): HandlerRow | undefined {
  return handlerTable.types[type];
}

/** The IAM actions of one handler of a type (undefined: the type has no row). */
export function handlerActions(type: string, op: HandlerOp): string[] | undefined {
  const row = handlerRow(type);
  if (!row) return undefined;
  return row[op].filter((a) => !excluded(a));
}

export const tableTypes = (): string[] => Object.keys(handlerTable.types).sort();
