/**
 * Time left in a stack operation, from its events: the slowest resource still in progress decides, not the average
 * of the ones already done (an Elastic IP takes seconds, the RDS instance behind it ten minutes). Typical durations
 * are what CloudFormation usually takes on AWS; the ratio of wall time to event time seen so far scales them, so the
 * same estimate holds for real AWS (≈ 1) and for a sandbox that replays simulated time faster.
 */
export interface EtaEvent {
  at: string;
  logicalId: string;
  type: string;
  status: string;
}

/** Typical create time on AWS, in seconds (AWS guides and observed stack events); other types: DEFAULT_SECONDS. */
export const TYPICAL_SECONDS: Record<string, number> = {
  'AWS::RDS::DBInstance': 600,
  'AWS::RDS::DBCluster': 300,
  'AWS::RDS::GlobalCluster': 120,
  'AWS::ElastiCache::ReplicationGroup': 900,
  'AWS::ElastiCache::GlobalReplicationGroup': 1200,
  'AWS::CloudFront::Distribution': 300,
  'AWS::EC2::NatGateway': 120,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 180,
  'AWS::AutoScaling::AutoScalingGroup': 120,
  'AWS::EC2::Instance': 60,
  'AWS::DynamoDB::GlobalTable': 180,
  'AWS::DynamoDB::Table': 20,
  'AWS::IAM::InstanceProfile': 120,
  'AWS::IAM::Role': 15,
  'AWS::EC2::VPCGatewayAttachment': 15,
  'AWS::Lambda::Function': 30,
  'AWS::Route53::RecordSet': 60,
};
export const DEFAULT_SECONDS = 5;
const STACK = 'AWS::CloudFormation::Stack';

/**
 * Seconds of wall time left, or undefined before anything can be said (no resource started yet).
 * `wallElapsedMs`: how long the learner has been waiting for this operation.
 */
export function secondsLeft(events: readonly EtaEvent[], wallElapsedMs: number): number | undefined {
  const started = new Map<string, { at: number; type: string }>();
  const finished = new Set<string>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    const at = Date.parse(e.at);
    if (Number.isNaN(at)) continue;
    first = Math.min(first, at);
    last = Math.max(last, at);
    if (e.type === STACK) continue;
    if (e.status.endsWith('_IN_PROGRESS') && !started.has(e.logicalId)) started.set(e.logicalId, { at, type: e.type });
    if (/_(COMPLETE|FAILED)$/.test(e.status)) finished.add(e.logicalId);
  }
  const running = [...started].filter(([id]) => !finished.has(id));
  if (!running.length) return undefined;
  // Event-time left of the slowest resource in progress (never less than a tenth of its typical time).
  const left = Math.max(
    ...running.map(([, r]) => {
      const typical = TYPICAL_SECONDS[r.type] ?? DEFAULT_SECONDS;
      return Math.max(typical - (last - r.at) / 1000, typical / 10);
    }),
  );
  const eventSpan = last - first;
  const ratio = eventSpan > 1000 && wallElapsedMs > 0 ? Math.min(wallElapsedMs / eventSpan, 2) : 1;
  return Math.max(1, Math.round(left * ratio));
}
