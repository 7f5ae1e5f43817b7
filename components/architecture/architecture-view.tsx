import { getCheck } from '@/checkers';
import { layoutArchitecture } from '@/lib/architecture/layout';
import { failureMarkers, type JudgedResult, type Marker } from '@/lib/architecture/markers';
import { asSnapshot, elementIds } from '@/lib/architecture/model';
import { formatDate } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { architectureFacts } from './architecture-facts';
import { ArchitectureSvg, type MarkerRef } from './architecture-svg';
import { elementName } from './labels';

/** What the view needs of a stored check run. */
export interface DiagramRun {
  status: 'running' | 'finished' | 'failed';
  error: string | null;
  finishedAt: Date | null;
  results: unknown[];
  architecture: unknown;
}

// Rendered on the server too: an explicit zone, so both sides say the same instant.
const when = (d: Date, locale: Locale) => `${formatDate(d, locale, 'dateTime', 'UTC')} UTC`;

function MarkerText({ markers, locale }: { markers: Marker[]; locale: Locale }) {
  return (
    <ul className="space-y-2">
      {markers.map((m) => (
        <li key={m.checkId}>
          <p className="font-semibold">
            {getCheck(m.checkId)?.title[locale] ?? m.checkId} <code className="text-xs font-normal">{m.checkId}</code>
          </p>
          <p>{m.message[locale]}</p>
          {m.evidence.length > 0 && (
            <ul className="mt-1 font-mono text-xs">
              {m.evidence.map((e) => (
                <li key={`${e.type}:${e.id}`}>
                  {e.id}
                  {Object.keys(e.values).length > 0 &&
                    `: ${Object.entries(e.values)
                      .map(([k, v]) => `${k}=${v === null ? '—' : String(v)}`)
                      .join(', ')}`}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The live diagram of one stored check run: the SVG with its markers, each marker's tooltip (hidden until the
 * client leaf shows it on hover or focus; always the marker's aria-describedby), the failing checks the diagram
 * cannot place, what could not be read, and the text version. Server-rendered: no client code of its own.
 */
export function ArchitectureView({
  run,
  locale,
  idPrefix,
}: {
  run: DiagramRun | null;
  locale: Locale;
  idPrefix: string;
}) {
  const t = translator(locale);
  const note = (state: string, text: string) => (
    <p
      data-live-diagram-state={state}
      className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-600 dark:text-slate-400"
    >
      {text}
    </p>
  );
  if (!run) return note('none', t('arch.noRun'));
  if (run.status === 'running') return note('running', t('arch.running'));
  if (run.error) return note('failed', t('arch.runFailed', { reason: run.error }));
  const snapshot = asSnapshot(run.architecture);
  if (!snapshot) return note('old', t('arch.oldRun'));
  if (!snapshot.vpc) return note('nothing', t('arch.nothing'));

  const { byElement, unplaced } = failureMarkers(snapshot, run.results as JudgedResult[]);
  const judged = elementIds(snapshot).filter((id) => byElement[id]?.length);
  const refs: Record<string, MarkerRef> = Object.fromEntries(
    judged.map((id, i) => {
      const name = elementName(snapshot, id, t);
      const count = byElement[id]?.length ?? 0;
      return [id, { tipId: `${idPrefix}-tip-${i}`, count, label: t('arch.marker', { n: count, name }) }];
    }),
  );
  const layout = layoutArchitecture(snapshot);
  return (
    <div data-live-diagram-state="drawn" data-failing-elements={judged.length}>
      <div className="relative overflow-x-auto" data-live-diagram-canvas>
        <ArchitectureSvg snapshot={snapshot} layout={layout} markers={refs} titleId={`${idPrefix}-title`} t={t} />
        {judged.map((id) => (
          <div
            key={id}
            id={refs[id]?.tipId}
            role="tooltip"
            hidden
            data-arch-tooltip={id}
            className="absolute z-10 w-80 max-w-[90vw] rounded-lg border border-red-300 bg-white p-3 text-left text-sm shadow-lg dark:border-red-800 dark:bg-slate-900"
          >
            <p className="mb-1 text-xs font-semibold tracking-wide text-red-700 uppercase dark:text-red-300">
              {elementName(snapshot, id, t)}
            </p>
            <MarkerText markers={byElement[id] ?? []} locale={locale} />
          </div>
        ))}
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {t('arch.takenAt', { when: when(new Date(snapshot.takenAt), locale) })}
      </p>
      {unplaced.length > 0 && (
        <section className="mt-3 rounded-lg border border-red-200 p-3 text-sm dark:border-red-900" data-arch-unplaced>
          <h4 className="mb-2 font-semibold">{t('arch.unplaced')}</h4>
          <MarkerText markers={unplaced} locale={locale} />
        </section>
      )}
      {snapshot.unread.map((u) => (
        <p key={u.part} className="mt-2 text-xs text-amber-700 dark:text-amber-300" data-arch-unread={u.part}>
          {t('arch.unread', { part: u.part, reason: u.reason[locale] })}
        </p>
      ))}
      {Object.entries(snapshot.omitted ?? {}).map(([kind, n]) => (
        <p key={kind} className="mt-2 text-xs text-amber-700 dark:text-amber-300">
          {t('arch.omitted', { n: n ?? 0, kind })}
        </p>
      ))}
      <details className="mt-3 text-sm" data-arch-text>
        <summary className="cursor-pointer font-medium">{t('arch.textTitle')}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {architectureFacts(snapshot, t).map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
          {judged.flatMap((id) =>
            (byElement[id] ?? []).map((m) => (
              <li key={`${id}:${m.checkId}`} className="text-red-700 dark:text-red-300">
                {t('arch.fact.failing', {
                  check: m.checkId,
                  name: elementName(snapshot, id, t),
                  message: m.message[locale],
                })}
              </li>
            )),
          )}
        </ul>
      </details>
    </div>
  );
}
