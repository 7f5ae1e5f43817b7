'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DrillMessage } from '@/lib/gameday/stream';
import type { DrillEvent, DrillId, DrillTick, DrillVerdict } from '@/lib/gameday/types';
import type { Locale } from '@/lib/i18n/locales';

type Outcome = Extract<DrillMessage, { type: 'done' }>['outcome'];

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
      const handle = (message: DrillMessage) => {
        if (message.type === 'start') {
          setSeconds(message.seconds);
          setDrill(message.drill);
        } else if (message.type === 'tick') {
          setTicks((all) => [...all, message.tick]);
          if (message.events.length) setEvents((all) => [...all, ...message.events]);
        } else if (message.type === 'done') {
          setEvents(message.events);
          setVerdict(message.verdict);
          setOutcome(message.outcome);
        } else setError(message.message[locale]);
      };
      try {
        const res = await request();
        if (!res.ok || !res.body) {
          const body = (await res.json().catch(() => null)) as { error?: Record<Locale, string> } | null;
          setError(body?.error?.[locale] ?? String(res.status));
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
