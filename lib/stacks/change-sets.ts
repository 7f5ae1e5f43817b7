import {
  type Change,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
  waitUntilChangeSetCreateComplete,
} from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import { currentStack } from './current-stack';
import { StackError } from './errors';
import { platformParameters } from './platform-parameters';
import { type StagedTemplate, templateSource } from './staging';

export { currentStack };

/** Types whose replacement loses data: the preview warns before such a change is executed. */
const STATEFUL = new Set([
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::EC2::Volume',
]);

export interface PlannedChange {
  action: 'Add' | 'Modify' | 'Remove' | 'Import' | 'Dynamic';
  logicalId: string;
  resourceType: string;
  replacement: 'True' | 'False' | 'Conditional' | null;
  /** Properties whose change triggers this modification. */
  properties: string[];
  /** A stateful resource would be replaced or removed: its data goes with it. */
  dataLoss: boolean;
}

export interface ChangeSetPreview {
  changeSetId: string;
  stackId: string;
  type: 'CREATE' | 'UPDATE';
  changes: PlannedChange[];
  /** The template went through the staging bucket (over 51,200 bytes): where, and whether the bucket is new. */
  staged?: StagedTemplate;
}

export interface PrepareInput {
  clients: AwsClients;
  stackName: string;
  templateBody: string;
  parameters?: Record<string, string>;
  tags?: Record<string, string>;
}

/**
 * Create a change set for the learner's template (CREATE for a new stack, UPDATE otherwise) and describe it, so the
 * learner sees every Add / Modify / Remove and each replacement before anything changes.
 */
export async function prepareChangeSet(input: PrepareInput): Promise<ChangeSetPreview> {
  const { clients, stackName } = input;
  const found = await currentStack(clients, stackName);
  // REVIEW_IN_PROGRESS: a first launch's preview that was never executed (a closed tab). No resources exist yet, and
  // CloudFormation takes another CREATE change set for such a stack, so it is a first launch again, never "busy".
  const stack = found?.StackStatus === 'REVIEW_IN_PROGRESS' ? undefined : found;
  if (stack?.StackStatus === 'ROLLBACK_COMPLETE') {
    throw new StackError(
      'rollback-complete',
      `Stack ${stackName} is in ROLLBACK_COMPLETE: its first creation failed, and such a stack can only be deleted. Delete it, then launch again.`,
    );
  }
  if (stack?.StackStatus?.endsWith('_IN_PROGRESS')) {
    throw new StackError('in-progress', `Stack ${stackName} is busy (${stack.StackStatus}); wait until it finishes.`);
  }
  const type = stack ? 'UPDATE' : 'CREATE';
  // The AMI the stack runs, the region's existing GuardDuty detector: see platform-parameters.ts.
  const parameters = {
    ...(await platformParameters(clients, input.templateBody, stack, input.parameters)),
    ...input.parameters,
  };
  // Over 51,200 bytes: put in the account's staging bucket and passed as TemplateURL (staging.ts).
  const source = await templateSource(clients, stackName, input.templateBody);
  const created = await clients.cloudformation.send(
    new CreateChangeSetCommand({
      StackName: stackName,
      ChangeSetName: `scalelab-${Date.now()}`,
      ChangeSetType: type,
      ...source.template,
      Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({
        ParameterKey,
        ParameterValue,
      })),
      Tags: Object.entries({ 'scalelab:lab': stackName, ...input.tags }).map(([Key, Value]) => ({ Key, Value })),
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
    }),
  );
  const changeSetId = created.Id ?? '';
  try {
    await waitUntilChangeSetCreateComplete(
      { client: clients.cloudformation, maxWaitTime: 300, minDelay: 1, maxDelay: 5 },
      { ChangeSetName: changeSetId, StackName: stackName },
    );
  } catch {
    const described = await clients.cloudformation.send(
      new DescribeChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName }),
    );
    const reason = described.StatusReason ?? 'unknown reason';
    await clients.cloudformation
      .send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName }))
      .catch(() => undefined);
    if (/didn't contain changes|No updates are to be performed/.test(reason)) {
      throw new StackError('no-changes', 'The template is the same as the deployed stack: nothing to change.');
    }
    throw new StackError('change-set-failed', `The change set failed: ${reason}`);
  }
  const changes: Change[] = [];
  let token: string | undefined;
  do {
    const page = await clients.cloudformation.send(
      new DescribeChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName, NextToken: token }),
    );
    changes.push(...(page.Changes ?? []));
    token = page.NextToken;
  } while (token);
  return {
    changeSetId,
    stackId: created.StackId ?? '',
    type,
    changes: changes.map(toPlanned),
    ...(source.staged ? { staged: source.staged } : {}),
  };
}

function toPlanned(change: Change): PlannedChange {
  const rc = change.ResourceChange ?? {};
  const action = (rc.Action ?? 'Modify') as PlannedChange['action'];
  const replacement = (rc.Replacement ?? null) as PlannedChange['replacement'];
  const resourceType = rc.ResourceType ?? '';
  return {
    action,
    logicalId: rc.LogicalResourceId ?? '',
    resourceType,
    replacement,
    properties: (rc.Details ?? []).flatMap((d) => (d.Target?.Name ? [d.Target.Name] : [])),
    dataLoss:
      STATEFUL.has(resourceType) && (action === 'Remove' || replacement === 'True' || replacement === 'Conditional'),
  };
}

/** Execute a previewed change set; follow it with `followStack`. */
export async function executeChangeSet(clients: AwsClients, stackName: string, changeSetId: string): Promise<void> {
  try {
    await clients.cloudformation.send(
      new ExecuteChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName }),
    );
  } catch (err) {
    // A second click (or a second tab) executing the same change set: CloudFormation has already consumed it
    // (ChangeSetNotFoundException) or is running it (InvalidChangeSetStatusException). Say that in plain words.
    const name = (err as Error).name;
    if (name !== 'ChangeSetNotFoundException' && name !== 'InvalidChangeSetStatusException') throw err;
    const status = (await currentStack(clients, stackName).catch(() => undefined))?.StackStatus;
    if (!status?.endsWith('_IN_PROGRESS') || status === 'REVIEW_IN_PROGRESS') throw err;
    throw new StackError(
      'in-progress',
      `Stack ${stackName} is already deploying this change set (${status}): follow its progress here, and preview again once it has settled.`,
    );
  }
}
