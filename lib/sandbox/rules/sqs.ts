/** Amazon SQS: a queue's redrive policy (its dead-letter queue and how many receives before a message moves). */
import type { ModelContext } from '../resources';
import { bool } from '../resources/model';
import { record, refuse, rule } from './rule';

const QUEUE = 'AWS::SQS::Queue';
const SOURCE = {
  title: 'Amazon SQS Developer Guide: Using dead-letter queues in Amazon SQS',
  url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
};

/** SQS's words for a refused RedrivePolicy: the policy as given, then the reason. */
function refusePolicy(ctx: ModelContext, reason: string): never {
  const policy =
    typeof ctx.props.RedrivePolicy === 'string' ? ctx.props.RedrivePolicy : JSON.stringify(ctx.props.RedrivePolicy);
  refuse(`Value ${policy} for parameter RedrivePolicy is invalid. Reason: ${reason}`, 'InvalidParameterValue');
}

const policyOf = (ctx: ModelContext) =>
  ctx.props.RedrivePolicy === undefined ? undefined : record(ctx.props.RedrivePolicy);

// SQS Developer Guide › Using dead-letter queues: a dead-letter queue must be in the same AWS account and Region as
// its source queue, and of the same type (a FIFO queue's dead-letter queue is a FIFO queue).
export const dlqSameAccountRegion = rule({
  id: 'sqs.dlq-same-account-region',
  types: [QUEUE],
  says: 'A dead-letter queue is in the same account and Region as its source queue.',
  source: SOURCE,
  check(ctx) {
    const arn = String(policyOf(ctx)?.deadLetterTargetArn ?? '');
    const [, , , region, account] = arn.split(':');
    if (!arn.startsWith('arn:aws:sqs:')) return;
    if (account !== ctx.accountId) refusePolicy(ctx, 'Dead-letter target owner should be same as the source.');
    if (region !== ctx.region) refusePolicy(ctx, 'Dead-letter target must be in the same region as the source.');
  },
});

export const dlqSameType = rule({
  id: 'sqs.fifo-dlq-is-fifo',
  types: [QUEUE],
  says: 'The dead-letter queue of a FIFO queue is a FIFO queue (and of a standard queue, a standard queue).',
  source: SOURCE,
  check(ctx) {
    const arn = policyOf(ctx)?.deadLetterTargetArn;
    const target = arn ? ctx.world.all(QUEUE).find((q) => q.attrs.Arn === arn) : undefined;
    if (target && (bool(target.props, 'FifoQueue') ?? false) !== (bool(ctx.props, 'FifoQueue') ?? false))
      refusePolicy(ctx, 'Dead-letter queue must be same type of queue as the source.');
  },
});

// SQS API Reference › SetQueueAttributes › RedrivePolicy: maxReceiveCount, "the number of times a message is
// delivered to the source queue before being moved to the dead-letter queue" — 1 to 1,000.
export const maxReceiveCount = rule({
  id: 'sqs.max-receive-count',
  types: [QUEUE],
  says: "A redrive policy's maxReceiveCount is between 1 and 1,000.",
  source: {
    title: 'Amazon SQS API Reference: SetQueueAttributes › RedrivePolicy',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html',
  },
  check(ctx) {
    const policy = policyOf(ctx);
    if (!policy) return;
    const count = Number(policy.maxReceiveCount);
    if (!Number.isInteger(count) || count < 1 || count > 1000)
      refusePolicy(
        ctx,
        `Invalid value for maxReceiveCount: ${String(policy.maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`,
      );
  },
});

export const sqsRules = [dlqSameAccountRegion, dlqSameType, maxReceiveCount];
