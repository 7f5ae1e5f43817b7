import { type Dimension, type MetricAlarm, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** Every metric alarm of the region: one paginated DescribeAlarms per run. */
export function loadAlarms(clients: AwsClients, memo: Memo): Promise<MetricAlarm[]> {
  return memo.get('cloudwatch.alarms', () =>
    collect(paginateDescribeAlarms({ client: clients.cloudwatch }, {}), (p) => p.MetricAlarms),
  );
}

/** The dimensions an alarm watches: its own metric's, and every metric of a metric-math alarm. */
export function alarmDimensions(alarm: MetricAlarm): Dimension[] {
  return [...(alarm.Dimensions ?? []), ...(alarm.Metrics ?? []).flatMap((m) => m.MetricStat?.Metric?.Dimensions ?? [])];
}

/** Alarms that target tracking creates and deletes by itself (`TargetTracking-<group>-AlarmHigh-…`). */
export const isManagedByTargetTracking = (alarm: MetricAlarm): boolean =>
  (alarm.AlarmName ?? '').startsWith('TargetTracking-');

/** What a fleet is known by in CloudWatch dimensions. */
export interface FleetDimensions {
  AutoScalingGroupName: string[];
  LoadBalancer: string[];
  TargetGroup: string[];
}

/** Alarms a learner set on the fleet: any dimension naming the ASG, the ALB or its target group. */
export function fleetAlarms(alarms: MetricAlarm[], fleet: FleetDimensions): MetricAlarm[] {
  return alarms.filter(
    (a) =>
      !isManagedByTargetTracking(a) &&
      alarmDimensions(a).some((d) => {
        const names = fleet[d.Name as keyof FleetDimensions];
        return names !== undefined && d.Value !== undefined && names.includes(d.Value);
      }),
  );
}
