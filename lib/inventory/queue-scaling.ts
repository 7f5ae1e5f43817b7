import type { MetricDimension, ScalingPolicy, TargetTrackingMetricDataQuery } from '@aws-sdk/client-auto-scaling';

/**
 * How a scaling policy follows a queue, judged from its target-tracking configuration. AWS's guide ("Scaling policy
 * based on Amazon SQS", and "Create a target tracking scaling policy using metric math": Example: Amazon SQS queue
 * backlog per instance) tracks the backlog per instance: the queue's ApproximateNumberOfMessagesVisible divided by
 * the group's InService instances, either as metric math in the policy or as a custom metric the app publishes.
 * Tracking the raw message count is not enough: it "does not change proportionally to the size of the group".
 */
export type QueueTracking =
  | { kind: 'backlog-per-instance'; how: 'metric-math' | 'custom-metric'; queue: string; target: number | undefined }
  | { kind: 'raw-queue-depth'; queue: string }
  | { kind: 'none' };

const SQS_DEPTH = ['ApproximateNumberOfMessagesVisible', 'ApproximateNumberOfMessages'];
/** Group metrics that count the instances serving: the divisor of "backlog per instance". */
const GROUP_SIZE = ['GroupInServiceInstances', 'GroupInServiceCapacity', 'GroupTotalInstances', 'GroupDesiredCapacity'];

const dimension = (dims: MetricDimension[] | undefined, name: string) => dims?.find((d) => d.Name === name)?.Value;

/** Does a metric-math expression divide the queue metric's id by the group metric's id (`m1 / m2`)? */
function divides(expression: string, numerator: string, denominator: string): boolean {
  const e = expression.replace(/\s+/g, '');
  return e.includes(`${numerator}/${denominator}`) || e.includes(`${numerator})/${denominator}`);
}

function metricMath(queries: TargetTrackingMetricDataQuery[], queues: string[], group: string): QueueTracking {
  const depth = queries.find(
    (q) =>
      q.MetricStat?.Metric?.Namespace === 'AWS/SQS' &&
      SQS_DEPTH.includes(q.MetricStat.Metric.MetricName ?? '') &&
      queues.includes(dimension(q.MetricStat.Metric.Dimensions, 'QueueName') ?? ''),
  );
  if (!depth) return { kind: 'none' };
  const queue = dimension(depth.MetricStat?.Metric?.Dimensions, 'QueueName') ?? '';
  const size = queries.find(
    (q) =>
      q.MetricStat?.Metric?.Namespace === 'AWS/AutoScaling' &&
      GROUP_SIZE.includes(q.MetricStat.Metric.MetricName ?? '') &&
      dimension(q.MetricStat.Metric.Dimensions, 'AutoScalingGroupName') === group,
  );
  const returned = queries.find((q) => q.ReturnData !== false && q.Expression);
  if (size && returned?.Expression && depth.Id && size.Id && divides(returned.Expression, depth.Id, size.Id))
    return { kind: 'backlog-per-instance', how: 'metric-math', queue, target: undefined };
  return { kind: 'raw-queue-depth', queue };
}

/**
 * Judge one policy against the lab's queues (by name) and the group it scales. A custom metric counts as backlog per
 * instance when it is not an SQS metric and names one of the queues in a dimension (the guide's `MyBacklogPerInstance`
 * pattern, which the app publishes).
 */
export function queueTracking(policy: ScalingPolicy, queues: string[], group: string): QueueTracking {
  if (policy.PolicyType !== 'TargetTrackingScaling') return { kind: 'none' };
  const config = policy.TargetTrackingConfiguration;
  const custom = config?.CustomizedMetricSpecification;
  if (!custom) return { kind: 'none' };
  const target = config?.TargetValue;
  if (custom.Metrics?.length) {
    const judged = metricMath(custom.Metrics, queues, group);
    return judged.kind === 'backlog-per-instance' ? { ...judged, target } : judged;
  }
  const queue =
    dimension(custom.Dimensions, 'QueueName') ?? custom.Dimensions?.find((d) => queues.includes(d.Value ?? ''))?.Value;
  if (!queue || !queues.includes(queue)) return { kind: 'none' };
  if (custom.Namespace === 'AWS/SQS') return { kind: 'raw-queue-depth', queue };
  return { kind: 'backlog-per-instance', how: 'custom-metric', queue, target };
}

/** The best a group's policies do for the queues: backlog per instance beats raw depth beats nothing. */
export function bestQueueTracking(
  policies: ScalingPolicy[],
  queues: string[],
  group: string,
): { policy?: ScalingPolicy; tracking: QueueTracking } {
  const judged = policies.map((policy) => ({ policy, tracking: queueTracking(policy, queues, group) }));
  return (
    judged.find((j) => j.tracking.kind === 'backlog-per-instance') ??
    judged.find((j) => j.tracking.kind === 'raw-queue-depth') ?? { tracking: { kind: 'none' } }
  );
}
