'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DrillMessage } from '@/lib/gameday/stream';
import type { DrillEvent, DrillId, DrillTick, DrillVerdict } from '@/lib/gameday/types';
import type { Locale } from '@/lib/i18n/locales';

type Outcome = Extract<DrillMessage, { type: 'done' }>['outcome'];

/** How often, and how many times, the panel joins a real drill's stream again after it broke (a minute). */
const REJOIN_MS = 2_000;
const MAX_REJOINS = 30;

/** What the panel knows of the learner's account and their last real drill (GET /api/gameday). */
interface Status {
  real: boolean;
  drill?: { jobId: string; drill: DrillId; stageId: string; state: string };
}

/**
 * The drill's NDJSON stream as panel state: start a drill (POST), follow a real drill again (GET ?follow=… after a
 * reload: it runs on the server whether the page is open), stop it (a sandbox drill: stop reading; a real one:
 * DELETE, and read on until the server has lifted the failure and sent the verdict).
 */
export function useDrillStream(stageId: string, locale: Locale, initialReal: boolean | null = null) {
  const [real, setReal] = useState<boolean | null>(initialReal);
  const [drill, setDrill] = useState<DrillId | null>(null);
  const [running, setRunning] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [ticks, setTicks] = useState<DrillTick[]>([]);
  const [events, setEvents] = useState<DrillEvent[]>([]);
  const [seconds, setSeconds] = useState(0);
  const [verdict, setVerdict] = useState<DrillVerdict | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  /** Why the drill could not run, in the page's language (the panel words it). */
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const read = useCallback(
    async (request: () => Promise<Response>) => {
      setRunning(true);
      setTicks([]);
      setEvents([]);
      setVerdict(null);
      setOutcome(undefined);
      setError(null);
      const controller = new AbortController();
      abort.current = controller;
      // A real drill's job, once its stream has named it, and whether its verdict came.
      let jobId: string | undefined;
      let finished = false;
      const handle = (message: DrillMessage) => {
        if (message.type === 'start') {
          // A stream (re)joined from the start: it replays every second so far.
          setTicks([]);
          setEvents([]);
          setSeconds(message.seconds);
          setDrill(message.drill);
          jobId = message.jobId;
        } else if (message.type === 'tick') {
          setTicks((all) => [...all, message.tick]);
          if (message.events.length) setEvents((all) => [...all, ...message.events]);
        } else if (message.type === 'done') {
          finished = true;
          setEvents(message.events);
          setVerdict(message.verdict);
          setOutcome(message.outcome);
        } else {
          finished = true;
          setError(message.message[locale]);
        }
      };
      const connect = async (open: () => Promise<Response>) => {
        const res = await open();
        if (!res.ok || !res.body) {
          const body = (await res.json().catch(() => null)) as { error?: Record<Locale, string> } | null;
          const reason = body?.error?.[locale] ?? String(res.status);
          if (!jobId) {
            finished = true;
            setError(reason);
          }
          return;
        }
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) if (line.trim()) handle(JSON.parse(line) as DrillMessage);
        }
      };
      try {
        let open = request;
        for (let retry = 0; ; retry++) {
          try {
            await connect(open);
          } catch (err) {
            if ((err as Error).name === 'AbortError') return;
            if (!jobId) throw err;
          }
          if (finished || !jobId || controller.signal.aborted) break;
          // A real drill's stream broke (its server restarted, the network dropped): the drill runs on in its job, so
          // follow it again from there, whichever server answers.
          if (retry >= MAX_REJOINS) {
            setError(`lost the drill's stream (${jobId})`);
            break;
          }
          await new Promise((r) => setTimeout(r, REJOIN_MS));
          const id = jobId;
          open = () => fetch(`/api/gameday?follow=${encodeURIComponent(id)}`, { signal: controller.signal });
        }
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setError((err as Error).message);
      } finally {
        setRunning(false);
        setStopping(false);
      }
    },
    [locale],
  );

  const follow = useCallback(
    (jobId: string) =>
      read(() => fetch(`/api/gameday?follow=${encodeURIComponent(jobId)}`, { signal: abort.current?.signal ?? null })),
    [read],
  );

  // On a real account, the learner's last drill of this stage is followed again: still running, or its verdict.
  useEffect(() => {
    let gone = false;
    void fetch('/api/gameday', { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<Status>) : null))
      .then((status) => {
        if (gone || !status) return;
        setReal(status.real);
        if (status.drill && status.drill.stageId === stageId) void follow(status.drill.jobId);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      abort.current?.abort();
    };
  }, [stageId, follow]);

  const start = (id: DrillId) =>
    read(() =>
      fetch('/api/gameday', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ stageId, drill: id, confirm: true }),
        signal: abort.current?.signal ?? null,
      }),
    );

  async function stop() {
    if (!real) {
      abort.current?.abort();
      return;
    }
    setStopping(true);
    const res = await fetch('/api/gameday', { method: 'DELETE' }).catch(() => null);
    if (!res?.ok) setStopping(false);
  }

  return { real, drill, running, stopping, ticks, events, seconds, verdict, outcome, error, start, stop };
}
