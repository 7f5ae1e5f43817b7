import {
  type Change,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
  waitUntilChangeSetCreateComplete,
} from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import { type CostWarning, costWarning } from './cost-warnings';
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
  /** The deploy turns on something costly (stage 06's stretch): its hourly and weekly cost, shown before executing. */
  costWarning?: CostWarning;
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
      `스택 ${stackName}이(가) ROLLBACK_COMPLETE 상태입니다. 처음 생성이 실패했고, 이런 스택은 삭제만 할 수 있습니다. 스택을 삭제한 뒤 다시 시작하세요.`,
    );
  }
  if (stack?.StackStatus?.endsWith('_IN_PROGRESS')) {
    throw new StackError(
      'in-progress',
      `Stack ${stackName} is busy (${stack.StackStatus}); wait until it finishes.`,
      `스택 ${stackName}이(가) 작업 중입니다(${stack.StackStatus}). 끝날 때까지 기다리세요.`,
    );
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
      throw new StackError(
        'no-changes',
        'The template is the same as the deployed stack: nothing to change.',
        '템플릿이 배포된 스택과 같습니다. 바꿀 것이 없습니다.',
      );
    }
    throw new StackError(
      'change-set-failed',
      `The change set failed: ${reason}`,
      `변경 세트가 실패했습니다: ${reason}`,
    );
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
  const planned = changes.map(toPlanned);
  const warning = costWarning({
    templateBody: input.templateBody,
    parameters,
    changes: planned,
    region: clients.region,
  });
  return {
    changeSetId,
    stackId: created.StackId ?? '',
    type,
    changes: planned,
    ...(warning ? { costWarning: warning } : {}),
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
      `스택 ${stackName}이(가) 이미 이 변경 세트를 배포하고 있습니다(${status}). 여기에서 진행 상황을 지켜보고, 끝난 뒤에 다시 미리 보세요.`,
    );
  }
}
