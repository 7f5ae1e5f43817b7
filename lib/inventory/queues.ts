import { GetQueueAttributesCommand, GetQueueUrlCommand, paginateListQueues } from '@aws-sdk/client-sqs';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** An SQS queue as the checks judge it: its URL, name, ARN and redrive policy (the dead-letter queue it uses). */
export interface LabQueue {
  url: string;
  name: string;
  arn: string | undefined;
  attributes: Record<string, string>;
  /** The parsed `RedrivePolicy` attribute, when the queue has one. */
  redrive: { deadLetterTargetArn: string; maxReceiveCount: number } | undefined;
}

/** `https://sqs.us-east-1.amazonaws.com/111122223333/name` → `name`. */
export const queueNameFromUrl = (url: string): string => url.split('/').pop() ?? url;
/** `arn:aws:sqs:us-east-1:111122223333:name` → `name`, and its account. */
export function queueFromArn(arn: string): { name: string; account: string } | undefined {
  const m = /^arn:[^:]+:sqs:[^:]*:(\d*):(.+)$/.exec(arn);
  return m ? { account: m[1] ?? '', name: m[2] ?? '' } : undefined;
}

/** The `RedrivePolicy` attribute is a JSON string: `{"deadLetterTargetArn":"arn:…","maxReceiveCount":"5"}`. */
export function parseRedrivePolicy(text: string | undefined): LabQueue['redrive'] {
  if (!text) return undefined;
  try {
    const p = JSON.parse(text) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    if (typeof p.deadLetterTargetArn !== 'string') return undefined;
    return { deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: Number(p.maxReceiveCount ?? 0) };
  } catch {
    return undefined;
  }
}

/** Queue URLs of the region whose name starts with the stack name (ListQueues' own prefix filter). */
export function loadNamedQueues(clients: AwsClients, memo: Memo, stackName: string): Promise<string[]> {
  return memo.get('sqs.namedQueues', () =>
    collect(paginateListQueues({ client: clients.sqs }, { QueueNamePrefix: stackName }), (p) => p.QueueUrls),
  );
}

/** A queue's attributes (all of them), read once per run; undefined when the queue does not exist. */
export function loadQueue(clients: AwsClients, memo: Memo, url: string): Promise<LabQueue | undefined> {
  return memo.get(`sqs.queue:${url}`, async () => {
    try {
      const out = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
      const attributes = out.Attributes ?? {};
      return {
        url,
        name: queueNameFromUrl(url),
        arn: attributes.QueueArn,
        attributes,
        redrive: parseRedrivePolicy(attributes.RedrivePolicy),
      };
    } catch (err) {
      if (/QueueDoesNotExist|NonExistentQueue/.test((err as Error).name)) return undefined;
      throw err;
    }
  });
}

/** The URL of the queue an ARN names (GetQueueUrl by name and owner), or undefined when it does not exist. */
export function queueUrlOf(clients: AwsClients, memo: Memo, arn: string): Promise<string | undefined> {
  return memo.get(`sqs.url:${arn}`, async () => {
    const q = queueFromArn(arn);
    if (!q) return undefined;
    try {
      const out = await clients.sqs.send(
        new GetQueueUrlCommand({ QueueName: q.name, ...(q.account ? { QueueOwnerAWSAccountId: q.account } : {}) }),
      );
      return out.QueueUrl;
    } catch (err) {
      if (/QueueDoesNotExist|NonExistentQueue/.test((err as Error).name)) return undefined;
      throw err;
    }
  });
}
