import type { PanelCheck, PanelResult } from '@/lib/checks/panel';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

const tone = {
  pass: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200',
  fail: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200',
  error: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  skipped: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};
const icon = { pass: '✓', fail: '✗', error: '!', skipped: '–' };

/** One check: what it verifies, then its result with the evidence and, on a failure, how to fix it. */
export function CheckRow({
  check,
  result,
  running,
  locale,
}: {
  check: PanelCheck;
  result?: PanelResult;
  running: boolean;
  locale: Locale;
}) {
  const t = translator(locale);
  const state = result?.status ?? (running ? 'running' : 'idle');
  return (
    <li data-check={check.id} data-state={state} className="text-sm">
      <div className="flex items-start gap-2">
        <span
          className={`mt-0.5 inline-flex min-w-16 shrink-0 items-center justify-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ${
            result ? tone[result.status] : 'bg-slate-50 text-slate-500 dark:bg-slate-900'
          }`}
        >
          {result ? (
            <>
              <span aria-hidden="true">{icon[result.status]}</span> {t(`checks.status.${result.status}`)}
            </>
          ) : running ? (
            <>
              <span
                aria-hidden="true"
                className="h-2.5 w-2.5 animate-spin rounded-full border border-current border-t-transparent"
              />
              {t('checks.inProgress')}
            </>
          ) : (
            t('checks.pending')
          )}
        </span>
        <div className="min-w-0">
          <p className="font-medium">{check.title ? check.title[locale] : <code>{check.id}</code>}</p>
          <p className="text-xs text-slate-500">
            <code>{check.id}</code> · {t(check.severity === 'required' ? 'stage.required' : 'stage.recommended')}
          </p>
          {!result && check.why && <p className="mt-0.5 text-slate-600 dark:text-slate-400">{check.why[locale]}</p>}
          {result && <p className="mt-1">{result.message[locale]}</p>}
          {result && result.evidence.length > 0 && (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">
                {t('checks.evidence')}
              </summary>
              <ul className="mt-1 space-y-0.5 font-mono text-xs">
                {result.evidence.map((e) => (
                  <li key={`${e.type}:${e.id}`} className="break-all">
                    {e.id}:{' '}
                    {Object.entries(e.values)
                      .map(([k, v]) => `${k}=${v}`)
                      .join(', ')}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {result?.status === 'fail' && check.hint && (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs font-medium">{t('checks.howToFix')}</summary>
              <p className="mt-1">{check.hint[locale]}</p>
              {check.remediation?.template && (
                <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
                  {check.remediation.template}
                </pre>
              )}
              {check.remediation?.console && <p className="mt-1 text-xs">{check.remediation.console[locale]}</p>}
              {check.remediation?.cli && (
                <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
                  {check.remediation.cli}
                </pre>
              )}
            </details>
          )}
          {check.step && (
            <a href={`#${check.step}`} className="text-xs text-brand-700 underline dark:text-brand-100">
              {check.stepTitle ? t('checks.goToStepNamed', { title: check.stepTitle }) : t('checks.goToStep')}
            </a>
          )}
        </div>
      </div>
    </li>
  );
}
