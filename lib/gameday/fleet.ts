import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Instance } from '@aws-sdk/client-ec2';
import type { TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { Impairments } from '@/lib/sandbox/data-plane/trace';
import type { RegionView } from '@/lib/sandbox/data-plane/view';
import { TIMING } from './model';

/** One web instance over the drill: when it serves, when it died, when the load balancer noticed. */
export interface FleetMember {
  instance: Instance;
  /** The second from which the load balancer sends it requests (its health checks have passed). */
  inServiceAt: number;
  deadAt?: number;
  /** Answering again from this second (its AZ came back). */
  revivedAt?: number;
  /** When the load balancer has marked it unhealthy (after its failed health checks). */
  detectedAt?: number;
  /** Terminated by its Auto Scaling group (replaced): gone from the view. */
  terminatedAt?: number;
  /** Launched by the drill's Auto Scaling group (a replacement or a scale-out), not in the deployed state. */
  launched?: boolean;
}

/** The health check timing of the target groups the traffic goes through (the first one's, or ELB's defaults). */
export function healthTiming(tgs: TargetGroup[]) {
  const tg = tgs[0];
  const interval = tg?.HealthCheckIntervalSeconds ?? TIMING.defaultHealthCheckIntervalS;
  return {
    toUnhealthyS: interval * (tg?.UnhealthyThresholdCount ?? TIMING.defaultUnhealthyThreshold),
    toHealthyS: interval * (tg?.HealthyThresholdCount ?? TIMING.defaultHealthyThreshold),
  };
}

/** A deterministic id for the n-th instance a drill launches (hex, like an EC2 id). */
const launchedId = (seed: string, n: number) => {
  let h = 2166136261;
  for (const c of `${seed}:${n}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `i-0${h.toString(16).padStart(8, '0')}${(n * 7919).toString(16).padStart(8, '0')}`;
};

/**
 * Launch one instance for `group` in `az` at second `t`, as its launch template would: a copy of a running member
 * (same security groups, app and user data), in a subnet of the group in that AZ, with a new id and address.
 */
export function launchInto(
  view: RegionView,
  members: FleetMember[],
  group: AutoScalingGroup,
  az: string,
  t: number,
  toHealthyS: number,
): FleetMember | undefined {
  const model = members.find((m) => m.instance.Placement?.AvailabilityZone === az) ?? members[0];
  if (!model) return undefined;
  const subnets = (group.VPCZoneIdentifier ?? '').split(',').filter(Boolean);
  const subnet = view.subnets.find((s) => subnets.includes(s.SubnetId ?? '') && s.AvailabilityZone === az);
  const n = members.filter((m) => m.launched).length + 1;
  const id = launchedId(group.AutoScalingGroupName ?? '', n);
  const base = subnet?.CidrBlock?.split('/')[0]?.split('.').slice(0, 3).join('.') ?? '10.0.0';
  const instance: Instance = {
    ...model.instance,
    InstanceId: id,
    State: { Name: 'running', Code: 16 },
    Placement: { ...model.instance.Placement, AvailabilityZone: az },
    SubnetId: subnet?.SubnetId ?? model.instance.SubnetId,
    PrivateIpAddress: `${base}.${200 + n}`,
    PublicIpAddress: undefined,
  };
  const member = { instance, inServiceAt: t + TIMING.bootS + toHealthyS, launched: true };
  members.push(member);
  return member;
}

/** The AZ of the group with the fewest live members (Auto Scaling keeps its AZs balanced), skipping dark ones. */
export function balancedAz(members: FleetMember[], group: AutoScalingGroup, dark: string[], t: number) {
  const zones = (group.AvailabilityZones ?? []).filter((z) => !dark.includes(z));
  const live = (z: string) =>
    members.filter((m) => m.instance.Placement?.AvailabilityZone === z && alive(m, t) && !m.terminatedAt).length;
  return [...zones].sort((a, b) => live(a) - live(b) || a.localeCompare(b))[0];
}

export const alive = (m: FleetMember, t: number) =>
  m.deadAt === undefined || t < m.deadAt || (m.revivedAt !== undefined && t >= m.revivedAt);

/** Serving now: past its health checks, not dead, not terminated. */
export const serving = (m: FleetMember, t: number) =>
  m.inServiceAt <= t && alive(m, t) && (m.terminatedAt === undefined || t < m.terminatedAt);

/**
 * The region as it is at second `t` of the drill: the drill's launched instances registered in the target groups,
 * terminated ones gone, the database as its failover left it. The deployed state itself is never changed.
 */
export function viewAt(
  base: RegionView,
  members: FleetMember[],
  targetGroups: TargetGroup[],
  database: DBInstance | undefined,
  t: number,
): RegionView {
  const launched = members.filter((m) => m.launched && (m.terminatedAt === undefined || t < m.terminatedAt));
  const terminated = new Set(
    members.filter((m) => m.terminatedAt !== undefined && t >= m.terminatedAt).map((m) => m.instance.InstanceId),
  );
  const registered = { ...base.registered };
  for (const tg of targetGroups) {
    const arn = tg.TargetGroupArn ?? '';
    const port = registered[arn]?.[0]?.port ?? tg.Port ?? 80;
    registered[arn] = [
      ...(registered[arn] ?? []).filter((r) => !terminated.has(r.id)),
      ...launched.map((m) => ({ id: m.instance.InstanceId ?? '', port })),
    ];
  }
  const apps = { ...base.apps };
  for (const m of launched) {
    const model = members.find((x) => !x.launched && base.apps[x.instance.InstanceId ?? '']);
    const app = model && base.apps[model.instance.InstanceId ?? ''];
    if (app) apps[m.instance.InstanceId ?? ''] = app;
  }
  return {
    ...base,
    instances: [...base.instances.filter((i) => !terminated.has(i.InstanceId)), ...launched.map((m) => m.instance)],
    registered,
    apps,
    dbInstances: database
      ? base.dbInstances.map((d) => (d.DBInstanceIdentifier === database.DBInstanceIdentifier ? database : d))
      : base.dbInstances,
  };
}

/** What the data plane is told is broken at second `t`: the dark AZs, the dead members and those not in service yet. */
export function impairmentsAt(members: FleetMember[], darkAzs: string[], t: number): Impairments {
  return {
    azs: darkAzs,
    instances: members
      .filter((m) => !serving(m, t) && (m.terminatedAt === undefined || t < m.terminatedAt))
      .map((m) => m.instance.InstanceId ?? ''),
  };
}
