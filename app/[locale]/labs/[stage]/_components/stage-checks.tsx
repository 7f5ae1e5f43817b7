import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { CheckSummary } from '@/lib/labs/check-info';

/** The stage's checks, grouped required / recommended, with what each verifies and the step that teaches it. */
export function StageChecks({ checks, locale, t }: { checks: CheckSummary[]; locale: Locale; t: Translate }) {
  const groups = [
    { key: 'required' as const, label: t('stage.required'), items: checks.filter((c) => c.severity === 'required') },
    {
      key: 'recommended' as const,
      label: t('stage.recommended'),
      items: checks.filter((c) => c.severity === 'recommended'),
    },
  ].filter((g) => g.items.length > 0);
  return (
    <section className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
      <h2 id="checks-title" className="text-lg font-semibold">
        {t('stage.checks')}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('stage.checksLead')}</p>
      {groups.map((g) => (
        <div key={g.key} className="mt-4">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{g.label}</h3>
          <ul className="mt-2 space-y-3">
            {g.items.map((c) => (
              <li key={c.id} data-check={c.id} className="text-sm">
                <p className="font-medium">{c.title ? c.title[locale] : <code>{c.id}</code>}</p>
                {c.title && <code className="text-xs text-slate-500">{c.id}</code>}
                {c.why && <p className="mt-0.5 text-slate-600 dark:text-slate-400">{c.why[locale]}</p>}
                {!c.implemented && <p className="mt-0.5 text-xs italic text-slate-500">{t('stage.planned')}</p>}
                {c.step && (
                  <a href={`#${c.step}`} className="text-xs text-brand-700 underline dark:text-brand-100">
                    #{c.step}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
