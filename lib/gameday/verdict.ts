import type { Localized } from '@/lib/i18n/locales';
import type { Hop } from '@/lib/sandbox/data-plane/trace';
import type { DrillSpec } from './drills';
import { TIMING } from './model';
import type { DrillEvent, DrillTick, DrillVerdict } from './types';
import type { LabTopology } from './world';

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 100);
const sum = (ticks: DrillTick[], f: (t: DrillTick) => number) => ticks.reduce((a, t) => a + f(t), 0);

/** What was the outage, named as the stage teaches it: the single-AZ database, the one web instance, ... */
function culprit(hop: Hop, topo: LabTopology): Localized {
  const azOf = (id: string) =>
    topo.regionView.instances.find((i) => i.InstanceId === id)?.Placement?.AvailabilityZone ?? '';
  if (hop.kind === 'database') {
    const db = topo.regionView.dbInstances.find((d) => d.DBInstanceIdentifier === hop.id);
    return db && !db.MultiAZ
      ? {
          en: `the single-AZ database ${hop.id} in ${db.AvailabilityZone} was the outage: it has no standby to fail over to`,
          ko: `${db.AvailabilityZone}의 단일 AZ 데이터베이스 ${hop.id}가 장애 지점이었습니다. 장애 조치할 대기 인스턴스가 없습니다`,
        }
      : { en: `the database ${hop.id} was the outage`, ko: `데이터베이스 ${hop.id}가 장애 지점이었습니다` };
  }
  if (hop.kind === 'instance' || hop.kind === 'app') {
    const alone = topo.web.length <= 1;
    return alone
      ? {
          en: `the single web instance ${hop.id} in ${azOf(hop.id)} was the outage: nothing else serves the app`,
          ko: `${azOf(hop.id)}의 하나뿐인 웹 인스턴스 ${hop.id}가 장애 지점이었습니다. 앱을 제공하는 다른 인스턴스가 없습니다`,
        }
      : {
          en: `the web tier was the outage: ${hop.says.en}`,
          ko: `웹 계층이 장애 지점이었습니다. ${hop.says.ko}`,
        };
  }
  if (hop.kind === 'target-group')
    return {
      en: `the target group was the outage: no healthy target was left in a live AZ`,
      ko: `대상 그룹이 장애 지점이었습니다. 살아 있는 AZ에 정상 대상이 남지 않았습니다`,
    };
  return { en: `the outage was here: ${hop.says.en}`, ko: `장애 지점: ${hop.says.ko}` };
}

/** The most frequent failing hop among `causes` (by kind and id). */
function dominant(causes: { cause: Hop }[]): Hop | undefined {
  const count = new Map<string, { hop: Hop; n: number }>();
  for (const { cause } of causes) {
    const key = `${cause.kind}|${cause.id}`;
    const c = count.get(key) ?? { hop: cause, n: 0 };
    c.n++;
    count.set(key, c);
  }
  return [...count.values()].sort((a, b) => b.n - a.n)[0]?.hop;
}

/** The blips the lab's design absorbed, from the drill's events, in the order they happened. */
function absorbed(events: DrillEvent[], ticks: DrillTick[]): Localized[] {
  const out: Localized[] = [];
  const degraded = ticks.some((t) => t.degraded > 0);
  if (events.some((e) => e.kind === 'failover'))
    out.push({
      en: `the database failed over to its standby in ${TIMING.multiAzFailoverS} s (RDS documents 60–120 s)${degraded ? ', the page answering without it meanwhile' : ''}`,
      ko: `데이터베이스가 ${TIMING.multiAzFailoverS}초 만에 대기 인스턴스로 장애 조치되었습니다(RDS 문서 기준 60–120초)${degraded ? '. 그동안 페이지는 데이터베이스 없이 응답했습니다' : ''}`,
    });
  if (events.some((e) => e.kind === 'detected'))
    out.push({
      en: 'the ALB routed around the dead targets once their health checks failed',
      ko: 'ALB가 상태 확인에 실패한 대상을 우회했습니다',
    });
  const replaced = events.filter((e) => e.kind === 'replaced').length;
  if (replaced)
    out.push({
      en: `the Auto Scaling group replaced ${replaced} instance${replaced > 1 ? 's' : ''}`,
      ko: `Auto Scaling 그룹이 인스턴스 ${replaced}개를 교체했습니다`,
    });
  if (events.some((e) => e.kind === 'alarm' && /CPU/.test(e.says.en)))
    out.push({ en: 'target tracking scaled the fleet out', ko: '대상 추적 정책이 플릿을 확장했습니다' });
  const waited = Math.max(0, ...ticks.map((t) => t.backlog ?? 0));
  if (waited)
    out.push({
      en: `${waited} jobs waited in the queue and none was lost`,
      ko: `작업 ${waited}개가 큐에서 기다렸고 하나도 잃지 않았습니다`,
    });
  return out;
}

/**
 * The drill's verdict in the stage's words. An outage: in the last 20 s before the failure was lifted (or the drill
 * ended), most requests still failed — the design did not absorb it. A blip: some failed, then the design caught up.
 */
export function verdictOf(
  spec: DrillSpec,
  ticks: DrillTick[],
  events: DrillEvent[],
  causes: { t: number; cause: Hop }[],
  topo: LabTopology,
): DrillVerdict {
  const total = sum(ticks, (t) => t.requests);
  const ok = sum(ticks, (t) => t.ok);
  const served = ok + sum(ticks, (t) => t.degraded);
  const servedPct = pct(served, total);
  const fullPct = pct(ok, total);
  const end = Math.min(spec.liftAt, ticks.length);
  const tail = ticks.slice(Math.max(spec.failAt, end - 20), end);
  const tailBad = sum(tail, (t) => t.errors + t.degraded);
  const through = spec.through;
  const degradedPct = Math.round((servedPct - fullPct) * 10) / 10;
  const head = {
    en: `Served ${fullPct}% of requests ${through.en}${degradedPct > 0 ? ` (another ${degradedPct}% answered without the database)` : ''}`,
    ko: `${through.ko} 요청의 ${fullPct}%를 처리했습니다${degradedPct > 0 ? `(추가로 ${degradedPct}%는 데이터베이스 없이 응답)` : ''}`,
  };
  if (tailBad > sum(tail, (t) => t.requests) / 2) {
    const hop = dominant(causes.filter((c) => c.t >= (tail[0]?.t ?? 0) && c.t < end));
    const who = hop ? culprit(hop, topo) : { en: 'nothing answered', ko: '아무것도 응답하지 않았습니다' };
    return {
      outcome: 'outage',
      servedPct,
      fullPct,
      says: {
        en: `${head.en}; ${who.en}.`,
        ko: `${head.ko}. ${who.ko}.`,
      },
    };
  }
  const blips = absorbed(events, ticks);
  const bad = total - ok;
  if (!bad && !blips.length)
    return {
      outcome: 'held',
      servedPct,
      fullPct,
      says: {
        en: `${head.en}: nothing failed.`,
        ko: `${head.ko}. 실패한 것이 없습니다.`,
      },
    };
  return {
    outcome: bad ? 'blip' : 'held',
    servedPct,
    fullPct,
    says: {
      en: `${head.en}; ${blips.map((b) => b.en).join('; ') || 'a short blip'}: the service held.`,
      ko: `${head.ko}. ${blips.map((b) => b.ko).join('. ') || '짧은 끊김이 있었습니다'}. 서비스가 버텼습니다.`,
    },
  };
}
