import type { Database } from '@/lib/progress/database';
import type { DrillMessage } from '../stream';
import { drillJob } from './drill-row';

/**
 * A real drill's messages, read from its job row (whichever server runs it): the same NDJSON messages a sandbox drill
 * streams — start, a tick per second with its events, done with the verdict — so the panel draws both alike. The
 * reader can go away and come back (GET /api/gameday?follow=…): the drill does not depend on it.
 */
export async function* followDrill(
  database: Database,
  jobId: string,
  options: { pollMs?: number; signal?: AbortSignal } = {},
): AsyncGenerator<DrillMessage> {
  let sent = 0;
  let sentEvents = 0;
  let started = false;
  for (;;) {
    if (options.signal?.aborted) return;
    const job = await drillJob(database, jobId);
    if (!job) {
      yield { type: 'error', message: { en: 'No such drill.', ko: '그런 훈련이 없습니다.' } };
      return;
    }
    const r = job.record;
    if (!started) {
      started = true;
      yield { type: 'start', drill: r.drill, seconds: r.seconds, url: r.url, simulated: false, jobId };
    }
    const events = r.events ?? [];
    for (const tick of (r.ticks ?? []).slice(sent)) {
      const fresh = events.slice(sentEvents).filter((e) => e.t <= tick.t);
      sentEvents += fresh.length;
      sent++;
      yield { type: 'tick', tick, events: fresh };
    }
    const open = job.state === 'running' || job.state === 'queued';
    if (!open || r.outcome) {
      if (r.verdict) yield { type: 'done', verdict: r.verdict, events, outcome: r.outcome ?? 'finished' };
      else
        yield {
          type: 'error',
          message: r.error ?? {
            en: `The drill ended (${job.state}) without a verdict.`,
            ko: `훈련이 판정 없이 끝났습니다(${job.state}).`,
          },
        };
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
  }
}
