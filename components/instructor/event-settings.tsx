import type { EventSummary } from '@/lib/events/events';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { stageNumber } from './format';
import { LocalTime } from './local-time';

/** What the event enforces and when it runs, as set (edit them on the edit page). */
export function EventSettings({ locale, event }: { locale: Locale; event: EventSummary }) {
  const t = translator(locale);
  const yesNo = (v: boolean) => (v ? t('event.yes') : t('event.no'));
  const rows: [string, React.ReactNode, string][] = [
    [t('event.stages'), event.settings.stages.map(stageNumber).join(', '), 'stages'],
    [t('event.accountModes'), event.settings.accountModes.map((m) => t(`event.mode.${m}`)).join(', '), 'modes'],
    [t('event.settings.fastForward'), yesNo(event.settings.fastForward), 'fast-forward'],
    [t('event.settings.quizzesGate'), yesNo(event.settings.quizzesGate), 'quizzes-gate'],
    [t('event.starts'), <LocalTime key="s" iso={event.startsAt} locale={locale} empty={t('event.notSet')} />, 'starts'],
    [t('event.ends'), <LocalTime key="e" iso={event.endsAt} locale={locale} empty={t('event.notSet')} />, 'ends'],
  ];
  return (
    <section aria-labelledby="event-settings" className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
      <h2 id="event-settings" className="text-sm font-semibold">
        {t('event.settings')}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-event-settings>
        {rows.map(([label, value, key]) => (
          <div key={key} className="contents" data-setting={key}>
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
