import type { Impairments } from '@/lib/sandbox/data-plane/trace';
import type { DrillEvent, DrillResult, DrillTick, DrillVerdict } from './types';

/** What the browser reads, one JSON object a line (NDJSON over the response body). */
export type DrillMessage =
  /** `jobId`: a real drill's job, to follow again after a reload (GET /api/gameday?follow=…) or to stop. */
  | { type: 'start'; drill: DrillResult['drill']; seconds: number; url: string; simulated: boolean; jobId?: string }
  | { type: 'tick'; tick: DrillTick; events: DrillEvent[] }
  /** `outcome` of a real drill: played to its end, stopped, closed by another server after a crash, or failed. */
  | {
      type: 'done';
      verdict: DrillVerdict;
      events: DrillEvent[];
      outcome?: 'finished' | 'stopped' | 'interrupted' | 'failed';
    }
  | { type: 'error'; message: { en: string; ko: string } };

/**
 * A sandbox drill replayed at the sandbox's pace: `wallMsPerSecond` of wall time per simulated second (the
 * sandbox's speed, 0.05 = 50 ms: a four-minute drill plays in twelve seconds; 0 = at once). While the failure
 * window plays, the sandbox's own impairments are set, so a check run or a DescribeTargetHealth made meanwhile sees
 * the dark AZ too; they are lifted when the window ends, the drill stops or the reader goes away.
 */
export async function* replay(
  result: DrillResult,
  options: {
    wallMsPerSecond: number;
    failure?: { from: number; to: number; impairments: Impairments };
    impair?: (impairments: Impairments) => void;
    signal?: AbortSignal;
  },
): AsyncGenerator<DrillMessage> {
  const { failure, impair } = options;
  yield { type: 'start', drill: result.drill, seconds: result.seconds, url: result.url, simulated: true };
  try {
    for (const tick of result.ticks) {
      if (options.signal?.aborted) return;
      if (failure && impair) impair(tick.t >= failure.from && tick.t < failure.to ? failure.impairments : {});
      yield { type: 'tick', tick, events: result.events.filter((e) => e.t === tick.t) };
      if (options.wallMsPerSecond > 0) await new Promise((r) => setTimeout(r, options.wallMsPerSecond));
    }
  } finally {
    impair?.({});
  }
  yield { type: 'done', verdict: result.verdict, events: result.events };
}
