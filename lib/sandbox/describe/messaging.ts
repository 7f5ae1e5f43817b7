/** SQS and SNS: queues, topics and their subscriptions. */
import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { page } from '../pagination';
import type { ResourceRecord } from '../state';
import { inRegion } from './common';

function queue(ctx: CallContext): ResourceRecord {
  const q = inRegion(ctx, 'AWS::SQS::Queue').find((r) => r.physicalId === ctx.input.QueueUrl);
  if (!q) throw awsError('QueueDoesNotExist', 'The specified queue does not exist.');
  return q;
}

export const messagingHandlers: Handlers = {
  'SQS.ListQueues': (ctx) => {
    const prefix = String(ctx.input.QueueNamePrefix ?? '');
    const urls = inRegion(ctx, 'AWS::SQS::Queue')
      .filter((q) => String(q.attrs.QueueName).startsWith(prefix))
      .map((q) => q.physicalId);
    const p = page(urls, ctx.input, { sizeKey: 'MaxResults', maxSize: 1000 });
    return { QueueUrls: p.items, ...p.token };
  },
  'SQS.GetQueueUrl': (ctx) => {
    const q = inRegion(ctx, 'AWS::SQS::Queue').find((r) => r.attrs.QueueName === ctx.input.QueueName);
    if (!q) throw awsError('QueueDoesNotExist', 'The specified queue does not exist.');
    return { QueueUrl: q.physicalId };
  },
  'SQS.GetQueueAttributes': (ctx) => {
    const q = queue(ctx);
    const p = q.props;
    const redrive =
      p.RedrivePolicy === undefined
        ? undefined
        : typeof p.RedrivePolicy === 'string'
          ? p.RedrivePolicy
          : JSON.stringify(p.RedrivePolicy);
    const all: Record<string, string | undefined> = {
      QueueArn: String(q.attrs.Arn),
      VisibilityTimeout: String(p.VisibilityTimeout ?? 30),
      MessageRetentionPeriod: String(p.MessageRetentionPeriod ?? 345600),
      DelaySeconds: String(p.DelaySeconds ?? 0),
      MaximumMessageSize: String(p.MaximumMessageSize ?? 262144),
      ReceiveMessageWaitTimeSeconds: String(p.ReceiveMessageWaitTimeSeconds ?? 0),
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      CreatedTimestamp: String(Math.floor(Date.parse(q.createdAt) / 1000)),
      LastModifiedTimestamp: String(Math.floor(Date.parse(q.createdAt) / 1000)),
      SqsManagedSseEnabled: String(p.SqsManagedSseEnabled ?? true),
      RedrivePolicy: redrive,
      FifoQueue: p.FifoQueue ? 'true' : undefined,
    };
    const wanted = (ctx.input.AttributeNames as string[] | undefined) ?? [];
    const pick = wanted.includes('All') ? Object.keys(all) : wanted;
    return { Attributes: Object.fromEntries(pick.filter((k) => all[k] !== undefined).map((k) => [k, all[k]!])) };
  },

  'SNS.ListTopics': (ctx) => ({ Topics: inRegion(ctx, 'AWS::SNS::Topic').map((t) => ({ TopicArn: t.physicalId })) }),
  'SNS.ListSubscriptionsByTopic': (ctx) => {
    const topic = inRegion(ctx, 'AWS::SNS::Topic').find((t) => t.physicalId === ctx.input.TopicArn);
    if (!topic) throw awsError('NotFound', 'Topic does not exist', 404);
    const inline = ((topic.props.Subscription as Record<string, string>[] | undefined) ?? []).map((s, i) => ({
      SubscriptionArn: `${topic.physicalId}:inline-${i}`,
      Protocol: s.Protocol,
      Endpoint: s.Endpoint,
    }));
    const separate = inRegion(ctx, 'AWS::SNS::Subscription')
      .filter((s) => s.props.TopicArn === topic.physicalId)
      .map((s) => ({
        SubscriptionArn: s.physicalId,
        Protocol: String(s.props.Protocol),
        Endpoint: String(s.props.Endpoint),
      }));
    const all = [...inline, ...separate].map((s) => ({ ...s, Owner: ctx.state.accountId, TopicArn: topic.physicalId }));
    const p = page(all, ctx.input, { sizeKey: '-', maxSize: 100 });
    return { Subscriptions: p.items, ...p.token };
  },
};
