import type { DBInstance } from '@aws-sdk/client-rds';
import { requestOf, route } from '@/lib/sandbox/data-plane';
import { createMemory, type Hop, hop } from '@/lib/sandbox/data-plane/trace';
import { type Classified, classify } from './classify';
import { drillSpec } from './drills';
import { alive, balancedAz, type FleetMember, healthTiming, impairmentsAt, launchInto, serving, viewAt } from './fleet';
import { CAPACITY, cpuFor, latencyFor, TIMING } from './model';
import { createScaler } from './scaling';
import type { DrillEvent, DrillId, DrillResult, DrillTick } from './types';
import { verdictOf } from './verdict';
import { type DrillWorld, topology } from './world';

const say = (en: string, ko: string) => ({ en, ko });

/**
 * Play a drill second by second over the account as deployed: each simulated second sends the drill's requests
 * through the sandbox data plane (`route`, the same function the HTTP checks reach) under the failures injected so
 * far, and tallies what came back per AZ. The deployed state is never changed: the failures are impairments and a
 * copy of the view (the database's failover, the instances an Auto Scaling group launches). Deterministic: the same
 * world and drill give the same series.
 */
export function runDrill(world: DrillWorld, id: DrillId): DrillResult {
  const spec = drillSpec(id);
  const topo = topology(world);
  const { regionView: base, lb, targetGroups, webGroup } = topo;
  const timing = healthTiming(targetGroups);
  const members: FleetMember[] = topo.web.map((instance) => ({ instance, inServiceAt: 0 }));
  const inGroup = (m: FleetMember) =>
    Boolean(webGroup) &&
    (m.launched || (webGroup?.Instances ?? []).some((i) => i.InstanceId === m.instance.InstanceId));
  let database: DBInstance | undefined = topo.database ? { ...topo.database } : undefined;
  let failoverDoneAt: number | undefined;
  let darkAzs: string[] = [];
  const events: DrillEvent[] = [];
  const ticks: DrillTick[] = [];
  const causes: { t: number; cause: Hop }[] = [];
  const memory = createMemory();
  const request = requestOf(world.url);
  const scaler = createScaler(world, topo, members, timing.toHealthyS, events);
  const broke = { azs: [] as string[], instances: [] as string[] };
  let rotation = 0;
  let overload = 0;
  const event = (t: number, kind: DrillEvent['kind'], en: string, ko: string) =>
    events.push({ t, kind, says: say(en, ko) });

  const startFailover = (t: number) => {
    if (!database) return;
    database = { ...database, DBInstanceStatus: 'failing-over' };
    failoverDoneAt = t + TIMING.multiAzFailoverS;
  };

  const fail = (t: number) => {
    const dbId = database?.DBInstanceIdentifier ?? '';
    if (id === 'az-outage') {
      const az =
        database?.AvailabilityZone ?? topo.web[0]?.Placement?.AvailabilityZone ?? base.subnets[0]?.AvailabilityZone;
      if (!az) return;
      darkAzs = [az];
      broke.azs = [az];
      const hit = members.filter((m) => m.instance.Placement?.AvailabilityZone === az);
      for (const m of hit) m.deadAt = t;
      const dbHit = database?.AvailabilityZone === az;
      if (dbHit && database?.MultiAZ && database.SecondaryAvailabilityZone !== az) startFailover(t);
      const what = [...hit.map((m) => m.instance.InstanceId), ...(dbHit ? [`${dbId} (primary)`] : [])].join(', ');
      event(
        t,
        'failure',
        `${az} goes dark: ${what || 'nothing of the lab'} stops answering.`,
        `${az}가 중단됩니다. ${what || '실습 리소스 없음'}이(가) 응답을 멈춥니다.`,
      );
    } else if (id === 'db-failover') {
      if (!database) return;
      if (database.MultiAZ) startFailover(t);
      else database = { ...database, DBInstanceStatus: 'rebooting' };
      event(
        t,
        'failure',
        `The primary ${dbId} fails${database.MultiAZ ? ': RDS fails over to the standby' : ', and it has no standby'}.`,
        `기본 인스턴스 ${dbId}가 실패합니다${database.MultiAZ ? '. RDS가 대기 인스턴스로 장애 조치합니다' : '. 대기 인스턴스가 없습니다'}.`,
      );
    } else if (id === 'instance-dies') {
      const victim = members.find((m) => serving(m, t));
      if (!victim) return;
      victim.deadAt = t;
      broke.instances = [victim.instance.InstanceId ?? ''];
      const vid = victim.instance.InstanceId;
      event(t, 'failure', `${vid} stops.`, `${vid}가 멈춥니다.`);
    } else if (id === 'traffic-spike') {
      event(
        t,
        'failure',
        `Traffic rises to ${spec.spikeRps} requests a second.`,
        `트래픽이 초당 ${spec.spikeRps}개 요청으로 오릅니다.`,
      );
    } else if (id === 'workers-stop') {
      scaler.stopWorkers(t);
    }
  };

  const lift = (t: number) => {
    if (id === 'az-outage' && darkAzs.length) {
      const [az] = darkAzs;
      darkAzs = [];
      for (const m of members)
        if (m.instance.Placement?.AvailabilityZone === az && m.deadAt !== undefined && m.terminatedAt === undefined) {
          m.revivedAt = t;
          m.detectedAt = undefined;
          m.inServiceAt = t + timing.toHealthyS;
        }
      event(t, 'recovered', `${az} is back.`, `${az}가 복구됩니다.`);
    } else if (id === 'db-failover' && database?.DBInstanceStatus === 'rebooting') {
      database = { ...database, DBInstanceStatus: 'available' };
      event(
        t,
        'recovered',
        `${database.DBInstanceIdentifier} is available again.`,
        `${database.DBInstanceIdentifier}가 다시 사용 가능합니다.`,
      );
    } else if (id === 'traffic-spike') {
      event(t, 'recovered', `Traffic is back to ${spec.rps} a second.`, `트래픽이 초당 ${spec.rps}개로 돌아옵니다.`);
    } else if (id === 'workers-stop') {
      scaler.startWorkers(t);
    }
  };

  for (let t = 0; t < spec.seconds; t++) {
    if (t === spec.failAt) fail(t);
    if (t === spec.liftAt) lift(t);
    if (database && failoverDoneAt === t) {
      const from = database.AvailabilityZone;
      database = {
        ...database,
        DBInstanceStatus: 'available',
        AvailabilityZone: database.SecondaryAvailabilityZone,
        SecondaryAvailabilityZone: from,
      };
      failoverDoneAt = undefined;
      event(
        t,
        'failover',
        `${database.DBInstanceIdentifier} failed over to its standby in ${database.AvailabilityZone} after ${TIMING.multiAzFailoverS} s.`,
        `${database.DBInstanceIdentifier}가 ${TIMING.multiAzFailoverS}초 후 ${database.AvailabilityZone}의 대기 인스턴스로 장애 조치되었습니다.`,
      );
    }
    // The load balancer notices a dead target after its failed health checks; its Auto Scaling group replaces it.
    const noticed = members.filter(
      (m) =>
        m.deadAt !== undefined && !alive(m, t) && m.detectedAt === undefined && t >= m.deadAt + timing.toUnhealthyS,
    );
    for (const m of noticed) m.detectedAt = t;
    if (noticed.length && lb) {
      const ids = noticed.map((m) => m.instance.InstanceId).join(', ');
      event(
        t,
        'detected',
        `The ALB marks ${ids} unhealthy after ${timing.toUnhealthyS} s of failed health checks and routes around it.`,
        `ALB가 ${timing.toUnhealthyS}초간 상태 확인에 실패한 ${ids}를 비정상으로 표시하고 우회합니다.`,
      );
    }
    for (const m of noticed.filter(inGroup)) {
      if (!webGroup) break;
      m.terminatedAt = t;
      const az = balancedAz(members, webGroup, darkAzs, t);
      const next = az && launchInto(base, members, webGroup, az, t, timing.toHealthyS);
      if (next)
        event(
          t,
          'replaced',
          `The Auto Scaling group terminates ${m.instance.InstanceId} and launches ${next.instance.InstanceId} in ${az}.`,
          `Auto Scaling 그룹이 ${m.instance.InstanceId}를 종료하고 ${az}에 ${next.instance.InstanceId}를 시작합니다.`,
        );
    }
    for (const m of members.filter((x) => x.launched && x.inServiceAt === t))
      event(
        t,
        'in-service',
        `${m.instance.InstanceId} passes its health checks and takes requests.`,
        `${m.instance.InstanceId}가 상태 확인을 통과하고 요청을 받습니다.`,
      );

    const rps = spec.spikeRps && t >= spec.failAt && t < spec.liftAt ? spec.spikeRps : spec.rps;
    const regionNow = viewAt(base, members, targetGroups, database, t);
    const viewNow = {
      ...world.view,
      regions: world.view.regions.map((r) => (r.region === base.region ? regionNow : r)),
    };
    const impairments = impairmentsAt(members, darkAzs, t);
    const inService = members.filter((m) => serving(m, t));
    const perInstance = rps / Math.max(1, inService.length);
    // The load balancer still sends to a dead target until its health checks fail.
    const rotationNow = lb
      ? members.filter(
          (m) => m.inServiceAt <= t && m.terminatedAt === undefined && (alive(m, t) || m.detectedAt === undefined),
        )
      : [];
    const tick: DrillTick = {
      t,
      requests: 0,
      ok: 0,
      degraded: 0,
      errors: 0,
      azs: {},
      inService: inService.length,
      cpu: 0,
    };
    const latencies: Record<string, number[]> = {};
    for (let r = 0; r < rps; r++) {
      let c: Classified | undefined;
      if (rotationNow.length) {
        const pick = rotationNow[rotation++ % rotationNow.length];
        if (pick && !alive(pick, t)) {
          const pid = pick.instance.InstanceId ?? '';
          c = {
            kind: 'error',
            az: pick.instance.Placement?.AvailabilityZone ?? 'none',
            baseMs: TIMING.targetConnectTimeoutMs,
            cause: hop(
              'target-group',
              pid,
              false,
              `The ALB still sent the request to ${pid}, which no longer answers (504 after its 10 s connection timeout); its health checks have not failed ${timing.toUnhealthyS} s yet.`,
              `ALB가 더는 응답하지 않는 ${pid}에 요청을 보냈습니다(10초 연결 시간 초과 후 504). 상태 확인이 아직 ${timing.toUnhealthyS}초 동안 실패하지 않았습니다.`,
            ),
          };
        }
      }
      c ??= classify(regionNow, route(viewNow, request, memory, impairments));
      if (c.kind !== 'error' && perInstance > CAPACITY.rpsPerInstance) {
        overload += 1 - CAPACITY.rpsPerInstance / perInstance;
        if (overload >= 1) {
          overload -= 1;
          c = {
            kind: 'error',
            az: c.az,
            baseMs: TIMING.targetConnectTimeoutMs,
            cause: hop(
              'app',
              c.instanceId ?? '',
              false,
              `${c.instanceId} is at 100% CPU with ${perInstance.toFixed(0)} requests a second: the request timed out.`,
              `${c.instanceId}의 CPU가 초당 ${perInstance.toFixed(0)}개 요청으로 100%여서 요청 시간이 초과되었습니다.`,
            ),
          };
        }
      }
      tick.requests++;
      tick[c.kind === 'error' ? 'errors' : c.kind]++;
      const slot = tick.azs[c.az] ?? { requests: 0, errors: 0, latencyMs: null };
      tick.azs[c.az] = slot;
      slot.requests++;
      if (c.kind === 'error') slot.errors++;
      else latencies[c.az] = [...(latencies[c.az] ?? []), latencyFor(c.baseMs, perInstance)];
      if (c.cause && c.kind !== 'ok') causes.push({ t, cause: c.cause });
    }
    for (const [az, list] of Object.entries(latencies)) {
      const slot = tick.azs[az];
      if (slot) slot.latencyMs = Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 10) / 10;
    }
    tick.cpu = inService.length ? Math.round(cpuFor(perInstance)) : 0;
    scaler.tick(t, tick, darkAzs);
    ticks.push(tick);
  }
  event(spec.seconds, 'end', 'The drill ends.', '훈련이 끝납니다.');
  return {
    drill: id,
    url: world.url,
    seconds: spec.seconds,
    ticks,
    events,
    verdict: verdictOf(spec, ticks, events, causes, topo),
    failure: broke.azs.length || broke.instances.length ? { from: spec.failAt, to: spec.liftAt, ...broke } : undefined,
  };
}
