import { paginateListSubscriptionsByTopic, paginateListTopics, type Subscription } from '@aws-sdk/client-sns';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** `arn:aws:sns:us-east-1:111122223333:name` → `name`. */
export const topicName = (arn: string): string => arn.split(':').pop() ?? arn;

/** Every topic ARN of the region (ListTopics has no name filter): one paginated call per run. */
export function loadTopics(clients: AwsClients, memo: Memo): Promise<string[]> {
  return memo.get('sns.topics', async () =>
    (await collect(paginateListTopics({ client: clients.sns }, {}), (p) => p.Topics)).flatMap((t) =>
      t.TopicArn ? [t.TopicArn] : [],
    ),
  );
}

/** A topic's subscriptions, read once per run. */
export function loadSubscriptions(clients: AwsClients, memo: Memo, topicArn: string): Promise<Subscription[]> {
  return memo.get(`sns.subscriptions:${topicArn}`, () =>
    collect(paginateListSubscriptionsByTopic({ client: clients.sns }, { TopicArn: topicArn }), (p) => p.Subscriptions),
  );
}

/** A confirmed SQS subscription delivering to this queue ARN (a pending one has SubscriptionArn `PendingConfirmation`). */
export const deliversTo = (s: Subscription, queueArn: string): boolean =>
  s.Protocol === 'sqs' && s.Endpoint === queueArn && s.SubscriptionArn !== 'PendingConfirmation';
