import type { AutoScalingGroup, ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import { balancedAz, type FleetMember, launchInto, serving } from './fleet';
import { QUEUE, TIMING } from './model';
import type { DrillEvent, DrillTick } from './types';
import type { DrillWorld, LabTopology } from './world';

const targetTracking = (policies: ScalingPolicy[], group: AutoScalingGroup | undefined) =>
  policies.find(
    (p) =>
      group &&
      p.AutoScalingGroupName === group.AutoScalingGroupName &&
      p.PolicyType === 'TargetTrackingScaling' &&
      p.TargetTrackingConfiguration?.TargetValue !== undefined,
  );

/** Breached when the last `scaleOutDatapoints` one-minute data points are all above the target. */
const breached = (points: number[], target: number) =>
  points.length >= TIMING.scaleOutDatapoints && points.slice(-TIMING.scaleOutDatapoints).every((p) => p > target);

/**
 * The Auto Scaling side of a drill: target tracking on the web fleet's average CPU (Amazon EC2 Auto Scaling ›
 * Target tracking scaling policies: desired = ceil(capacity × metric / target), within MaxSize), and stage 05's
 * worker group draining the work queue, scaled on the backlog per instance (Amazon EC2 Auto Scaling › Scaling policy
 * based on Amazon SQS). While the workers are stopped for an upgrade their group's AlarmNotification process is
 * suspended (the template's UpdatePolicy SuspendProcesses), so the backlog alarm does not act until they are back.
 */
export function createScaler(
  world: DrillWorld,
  topo: LabTopology,
  members: FleetMember[],
  toHealthyS: number,
  events: DrillEvent[],
) {
  const cpuPolicy = targetTracking(
    world.policies.filter(
      (p) =>
        p.TargetTrackingConfiguration?.PredefinedMetricSpecification?.PredefinedMetricType ===
        'ASGAverageCPUUtilization',
    ),
    topo.webGroup,
  );
  const queuePolicy = targetTracking(world.policies, topo.workerGroup);
  const cpuMinute: number[] = [];
  const cpuPoints: number[] = [];
  const worker = topo.workerGroup
    ? {
        group: topo.workerGroup,
        ready: [] as number[],
        stopped: false,
        backlog: 0,
        backlogMinute: [] as number[],
        points: [] as number[],
        max: topo.workerGroup.MaxSize ?? 1,
      }
    : undefined;
  if (worker) worker.ready = (worker.group.Instances ?? []).map(() => 0);
  let waitedMax = 0;
  let drained = false;
  const event = (t: number, kind: DrillEvent['kind'], en: string, ko: string) =>
    events.push({ t, kind, says: { en, ko } });

  function scaleWeb(t: number, darkAzs: string[]) {
    const group = topo.webGroup;
    const target = cpuPolicy?.TargetTrackingConfiguration?.TargetValue;
    if (!group || target === undefined) return;
    const live = members.filter((m) => m.terminatedAt === undefined && (m.launched || serving(m, t)));
    if (live.some((m) => m.inServiceAt > t) || !breached(cpuPoints, target)) return;
    const metric = cpuPoints[cpuPoints.length - 1] ?? 0;
    const desired = Math.min(group.MaxSize ?? live.length, Math.ceil((live.length * metric) / target));
    if (desired <= live.length) return;
    event(
      t,
      'alarm',
      `Target tracking: CPU ${metric.toFixed(0)}% > ${target}% for ${TIMING.scaleOutDatapoints} minutes; desired capacity ${live.length} → ${desired}.`,
      `대상 추적: CPU ${metric.toFixed(0)}% > ${target}%가 ${TIMING.scaleOutDatapoints}분 지속되어 원하는 용량 ${live.length} → ${desired}.`,
    );
    for (let n = live.length; n < desired; n++) {
      const az = balancedAz(members, group, darkAzs, t);
      const m = az && launchInto(topo.regionView, members, group, az, t, toHealthyS);
      if (m)
        event(
          t,
          'launched',
          `${m.instance.InstanceId} launches in ${az}.`,
          `${az}에서 ${m.instance.InstanceId}가 시작됩니다.`,
        );
    }
  }

  function drain(t: number, tick: DrillTick) {
    if (!worker) return;
    worker.backlog += QUEUE.enqueuePerS;
    const working = worker.stopped ? 0 : worker.ready.filter((at) => at <= t).length;
    worker.backlog = Math.max(0, worker.backlog - working * QUEUE.jobsPerWorkerPerS);
    waitedMax = Math.max(waitedMax, worker.backlog);
    worker.backlogMinute.push(worker.backlog / Math.max(1, worker.ready.length));
    tick.backlog = Math.round(worker.backlog);
    tick.workers = working;
    if (!worker.stopped && !drained && waitedMax >= 1 && worker.backlog === 0) {
      drained = true;
      event(
        t,
        'recovered',
        `The queue is empty again: every job waited and was done, none lost.`,
        `큐가 다시 비었습니다. 모든 작업이 기다렸다가 처리되었고 잃은 것은 없습니다.`,
      );
    }
    const target = queuePolicy?.TargetTrackingConfiguration?.TargetValue;
    if (target === undefined || worker.stopped || worker.ready.some((at) => at > t) || !breached(worker.points, target))
      return;
    const metric = worker.points[worker.points.length - 1] ?? 0;
    const desired = Math.min(worker.max, Math.ceil((worker.ready.length * metric) / target));
    if (desired <= worker.ready.length) return;
    event(
      t,
      'alarm',
      `Target tracking: ${metric.toFixed(0)} messages per worker > ${target} for ${TIMING.scaleOutDatapoints} minutes; workers ${worker.ready.length} → ${desired}.`,
      `대상 추적: 워커당 메시지 ${metric.toFixed(0)}개 > ${target}가 ${TIMING.scaleOutDatapoints}분 지속되어 워커 ${worker.ready.length} → ${desired}.`,
    );
    while (worker.ready.length < desired) worker.ready.push(t + TIMING.bootS);
  }

  return {
    tick(t: number, tick: DrillTick, darkAzs: string[]) {
      cpuMinute.push(tick.cpu);
      drain(t, tick);
      if ((t + 1) % TIMING.metricPeriodS === 0) {
        cpuPoints.push(cpuMinute.reduce((a, b) => a + b, 0) / cpuMinute.length);
        cpuMinute.length = 0;
        if (worker) {
          worker.points.push(Math.max(...worker.backlogMinute));
          worker.backlogMinute = [];
        }
        scaleWeb(t, darkAzs);
      }
    },
    stopWorkers(t: number) {
      if (!worker) return;
      worker.stopped = true;
      event(
        t,
        'failure',
        `The ${worker.ready.length} worker(s) of ${worker.group.AutoScalingGroupName} stop; jobs keep arriving (${QUEUE.enqueuePerS} a second).`,
        `${worker.group.AutoScalingGroupName}의 워커 ${worker.ready.length}개가 멈춥니다. 작업은 계속 들어옵니다(초당 ${QUEUE.enqueuePerS}개).`,
      );
    },
    startWorkers(t: number) {
      if (!worker) return;
      worker.stopped = false;
      event(
        t,
        'recovered',
        `The workers are back, with ${Math.round(worker.backlog)} jobs waiting in the queue.`,
        `워커가 돌아왔고 큐에 작업 ${Math.round(worker.backlog)}개가 기다리고 있습니다.`,
      );
    },
    waited: () => Math.round(waitedMax),
    drained: () => drained,
  };
}
