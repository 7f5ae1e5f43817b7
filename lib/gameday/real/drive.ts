import type { AwsClients } from '@/lib/aws/clients';
import { explainAwsError } from '@/lib/aws/errors';
import { JobLostError } from '@/lib/jobs/worker';
import type { Database } from '@/lib/progress/database';
import type { Hop } from '@/lib/sandbox/data-plane/trace';
import { drillSpec } from '../drills';
import { DrillUnavailableError } from '../load-world';
import type { DrillEvent, DrillTick } from '../types';
import { verdictOf } from '../verdict';
import type { Observed } from './answers';
import { type DrillRecord, writeDrill } from './drill-row';
import { injectFault, liftFault } from './faults';
import { realTopology } from './topology';
import { createTraffic, tickOf } from './traffic';

export interface DriveDeps {
  database: Database;
  /** The worker that holds the job (its queue's id): every write is conditional on still holding it. */
  workerId: string;
  clients: AwsClients;
  /** How often lifting polls instances still stopping (tests: short). */
  liftPollMs?: number;
}

const say = (en: string, ko: string) => ({ en, ko });
/** A refusal of lib/gameday (a resource without the lab tag) in its own words, else the AWS error explained. */
const reasonOf = (err: unknown) => (err instanceof DrillUnavailableError ? err.reason : explainAwsError(err).reason);
/** Seconds of answers over which a web instance counts as in service (it answered at least once). */
const IN_SERVICE_WINDOW = 10;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Run a real drill held by this worker: the drill's traffic second by second to the lab's URL, the failure injected
 * at the drill's `failAt` and lifted at `liftAt`, each second's tally written to the job. Whatever ends it — the last
 * second, a stop request, an error — the failure is lifted before the job is closed and the lift is recorded. Only a
 * lost lock (another server took the job over) ends it without lifting: that server lifts.
 */
export async function driveDrill(deps: DriveDeps, jobId: string, record: DrillRecord, signal: AbortSignal) {
  const spec = drillSpec(record.drill);
  const url = new URL(record.url);
  const traffic = createTraffic({
    fetch: deps.clients.fetch,
    url,
    rps: spec.rps,
    secondMs: record.secondMs,
    ...(record.lab.database ? { dbId: record.lab.database.id } : {}),
  });
  const ticks: DrillTick[] = [...record.ticks];
  const events: DrillEvent[] = [...record.events];
  const causes: { t: number; cause: Hop }[] = [];
  const answered = new Map<number, Set<string>>();
  const pending = new Map<number, { settled: boolean; result: Promise<Observed[]> }>();
  let next = 0;
  let lost = false;
  let stop = false;
  let now = 0;
  let injectedAt = record.injectedAt;
  let injectFailed = false;
  let lifting: Promise<void> | undefined;

  const save = async (patch: Partial<DrillRecord>) => {
    if (lost) return;
    const r = await writeDrill(deps.database, jobId, deps.workerId, patch);
    lost ||= r.lost;
    stop ||= r.stop;
  };
  const event = (t: number, kind: DrillEvent['kind'], says: { en: string; ko: string }) =>
    events.push({ t, kind, says });

  async function flush(all: boolean) {
    for (let p = pending.get(next); p && (all || p.settled); p = pending.get(next)) {
      const observed = await p.result;
      pending.delete(next);
      const ids = new Set(observed.flatMap((o) => (o.kind !== 'error' && o.instanceId ? [o.instanceId] : [])));
      answered.set(next, ids);
      const recent = new Set<string>();
      for (let s = next - IN_SERVICE_WINDOW + 1; s <= next; s++) for (const id of answered.get(s) ?? []) recent.add(id);
      for (const o of observed) if (o.cause && o.kind !== 'ok') causes.push({ t: o.t, cause: o.cause });
      const tick = tickOf(next, observed, recent.size);
      ticks.push(tick);
      observeRecovery(tick, ids);
      next++;
    }
  }

  // What the traffic itself shows, marked on the chart: the load balancer routing around the broken instances (no
  // request fails and none of them answers), and each of them answering again after the lift.
  const broken = [...record.plan.stop, ...(record.plan.unhealthy ? [record.plan.unhealthy] : [])];
  let routedAround = record.events.some((e) => e.kind === 'detected');
  const back = new Set<string>();
  function observeRecovery(tick: DrillTick, ids: Set<string>) {
    if (injectedAt === undefined || tick.t <= injectedAt || !broken.length) return;
    if (!routedAround && tick.requests > 0 && tick.errors === 0 && !broken.some((id) => ids.has(id))) {
      routedAround = true;
      const list = broken.join(', ');
      event(
        tick.t,
        'detected',
        say(
          `No request fails and ${list} no longer answers: the load balancer routes around it (${tick.t - injectedAt} s after the failure).`,
          `실패하는 요청이 없고 ${list}는 더 이상 응답하지 않습니다. 로드 밸런서가 우회합니다(장애 후 ${tick.t - injectedAt}초).`,
        ),
      );
    }
    for (const id of broken)
      if (!back.has(id) && ids.has(id) && lifting) {
        back.add(id);
        event(tick.t, 'in-service', say(`${id} answers again.`, `${id}가 다시 응답합니다.`));
      }
  }

  async function inject(t: number) {
    injectedAt = t;
    // Recorded before the calls: a server that dies mid-call still leaves the job knowing what to lift.
    await save({ injectedAt: t });
    try {
      await injectFault(deps.clients, record.stackName, record.plan);
      event(t, 'failure', record.plan.says);
      await save({ injected: true, events });
    } catch (err) {
      const why = reasonOf(err);
      event(t, 'failure', say(`The failure could not be injected: ${why.en}`, `장애를 주입할 수 없습니다: ${why.ko}`));
      stop = true;
      injectFailed = true;
      await save({ injectError: (err as Error).message, events });
    }
  }

  function lift(t: number): Promise<void> {
    lifting ??= (async () => {
      try {
        const done = await liftFault(deps.clients, record.stackName, record.plan, {
          ...(deps.liftPollMs ? { pollMs: deps.liftPollMs } : {}),
        });
        event(t, 'recovered', done.says);
        await save({ liftedAt: t, lift: done, events });
      } catch (err) {
        const why = reasonOf(err);
        event(t, 'recovered', say(`Lifting the failure failed: ${why.en}`, `장애 해제에 실패했습니다: ${why.ko}`));
        await save({ liftError: (err as Error).message, events });
      }
    })();
    return lifting;
  }

  const t0 = Date.now();
  try {
    for (let t = 0; t < spec.seconds && !lost && !stop && !signal.aborted; t++) {
      now = t;
      if (t === spec.failAt) await inject(t);
      if (t === spec.liftAt && injectedAt !== undefined) void lift(t);
      const result = traffic.second(t, signal);
      const slot = { settled: false, result };
      void result.finally(() => {
        slot.settled = true;
      });
      pending.set(t, slot);
      await sleep(t0 + (t + 1) * record.secondMs - Date.now(), signal);
      await flush(false);
      await save({ ticks, events });
    }
  } finally {
    lost ||= signal.reason instanceof JobLostError;
    if (!lost) {
      if (injectedAt !== undefined) await lift(Math.max(now, injectedAt));
      await flush(true);
    }
  }
  if (lost) return;
  const stopped = stop && !injectFailed;
  event(
    ticks.length,
    'end',
    stopped ? say('The drill was stopped.', '훈련이 중지되었습니다.') : say('The drill ends.', '훈련이 끝납니다.'),
  );
  const verdict = verdictOf(spec, ticks, events, causes, realTopology(record.region, record.lab));
  await save({
    ticks,
    events,
    verdict,
    outcome: injectFailed ? 'failed' : stopped ? 'stopped' : 'finished',
  });
}

/**
 * Close a drill whose server stopped (taken over after its heartbeat went stale, or abandoned): lift what it broke,
 * if it got as far as breaking it, and record the lift, the interruption and a verdict over the seconds it saw.
 */
export async function closeInterrupted(deps: DriveDeps, jobId: string, record: DrillRecord, reason: string) {
  const events: DrillEvent[] = [...record.events];
  const t = record.ticks.length;
  const patch: Partial<DrillRecord> = {};
  if (record.injectedAt !== undefined && !record.lift) {
    try {
      const lift = await liftFault(deps.clients, record.stackName, record.plan, {
        ...(deps.liftPollMs ? { pollMs: deps.liftPollMs } : {}),
      });
      events.push({ t, kind: 'recovered', says: lift.says });
      Object.assign(patch, { liftedAt: t, lift });
    } catch (err) {
      const why = reasonOf(err);
      events.push({
        t,
        kind: 'recovered',
        says: say(`Lifting the failure failed: ${why.en}`, `장애 해제에 실패했습니다: ${why.ko}`),
      });
      patch.liftError = (err as Error).message;
    }
  }
  events.push({
    t,
    kind: 'end',
    says: say(
      `The server running the drill stopped after ${t} s (${reason}); another server closed it.`,
      `훈련을 실행하던 서버가 ${t}초 뒤 멈췄습니다(${reason}). 다른 서버가 훈련을 종료했습니다.`,
    ),
  });
  const spec = drillSpec(record.drill);
  const verdict = verdictOf(spec, record.ticks, events, [], realTopology(record.region, record.lab));
  await writeDrill(deps.database, jobId, deps.workerId, { ...patch, events, verdict, outcome: 'interrupted' });
}
