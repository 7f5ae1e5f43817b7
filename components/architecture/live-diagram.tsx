'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';
import { CHECK_RUN_DONE, type CheckRunDoneDetail } from '@/lib/checks/panel';
import type { Locale } from '@/lib/i18n/locales';
import { refreshLiveDiagram } from './actions';

/**
 * The live diagram's only client code: shows a marker's tooltip on hover and on keyboard focus (Escape hides it),
 * and, when `stageId` is given, redraws the server-rendered diagram after each check run of that stage.
 */
export function LiveDiagram({
  stageId,
  locale,
  refreshingLabel,
  children,
}: {
  stageId?: string;
  locale: Locale;
  refreshingLabel: string;
  children: ReactNode;
}) {
  const [content, setContent] = useState<ReactNode>(children);
  const [refreshing, setRefreshing] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const shown = useRef<HTMLElement | null>(null);

  // A new render from the server (a navigation, a refresh) brings the latest run: show it.
  useEffect(() => setContent(children), [children]);

  useEffect(() => {
    if (!stageId) return;
    const onDone = (e: Event) => {
      if ((e as CustomEvent<CheckRunDoneDetail>).detail?.stageId !== stageId) return;
      setRefreshing(true);
      refreshLiveDiagram({ stageId, locale })
        .then((node) => setContent(node))
        .catch(() => undefined)
        .finally(() => setRefreshing(false));
    };
    window.addEventListener(CHECK_RUN_DONE, onDone);
    return () => window.removeEventListener(CHECK_RUN_DONE, onDone);
  }, [stageId, locale]);

  function hide() {
    if (shown.current) shown.current.hidden = true;
    shown.current = null;
  }

  function show(target: EventTarget | null) {
    const badge = (target as Element | null)?.closest?.('[data-tip]');
    const canvas = badge?.closest('[data-live-diagram-canvas]') as HTMLElement | null;
    const tip = badge
      ? (root.current?.querySelector(`[id="${badge.getAttribute('data-tip')}"]`) as HTMLElement | null)
      : null;
    if (!badge || !canvas || !tip) return;
    if (shown.current !== tip) hide();
    tip.hidden = false;
    shown.current = tip;
    const b = badge.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const left = Math.max(
      0,
      Math.min(b.left - c.left + canvas.scrollLeft - 24, canvas.scrollWidth - tip.offsetWidth - 4),
    );
    tip.style.left = `${left}px`;
    tip.style.top = `${b.bottom - c.top + 6}px`;
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the handlers only show and hide tooltips of the markers inside.
    <div
      ref={root}
      data-live-diagram
      aria-busy={refreshing}
      onMouseOver={(e) => show(e.target)}
      onMouseOut={(e) => {
        if (!(e.relatedTarget as Element | null)?.closest?.('[data-tip]')) hide();
      }}
      onFocus={(e) => show(e.target)}
      onBlur={hide}
      onKeyDown={(e) => {
        if (e.key === 'Escape') hide();
      }}
    >
      {refreshing && (
        <p role="status" className="mb-2 text-xs text-slate-500">
          {refreshingLabel}
        </p>
      )}
      {content}
    </div>
  );
}
