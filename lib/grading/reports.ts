import type { Locale } from '@/lib/i18n/locales';
import { csvLine } from './csv';
import { renderJunit } from './junit';
import { formatEvidence, summarize } from './summary';
import type { AccountGrade, GradingRun } from './types';

export const reportFormats = ['text', 'csv', 'json', 'junit'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export function renderReport(run: GradingRun, format: ReportFormat, locale: Locale = 'en'): string {
  switch (format) {
    case 'csv':
      return renderCsv(run, locale);
    case 'json':
      return renderJson(run);
    case 'junit':
      return renderJunit(run, locale);
    case 'text':
      return renderText(run, locale);
  }
}

const CSV_COLUMNS = [
  'learner',
  'learner_id',
  'account_id',
  'verified_account_id',
  'account_status',
  'stack',
  'region',
  'check_id',
  'severity',
  'check_status',
  'message',
  'evidence',
  'denied_action',
  'required_passed',
  'required_total',
  'recommended_passed',
  'recommended_total',
  'api_calls',
  // Last, so the columns before it keep their places: stage 06's second region.
  'second_region',
] as const;

/** One row per learner × check; an account that was not graded is one row saying why. */
export function renderCsv(run: GradingRun, locale: Locale = 'en'): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const a of run.accounts) {
    const account = [a.learner, a.learnerId, a.expectedAccountId, a.verifiedAccountId, a.status, a.stackName, a.region];
    const tail = [
      a.score.requiredPassed,
      a.score.requiredTotal,
      a.score.recommendedPassed,
      a.score.recommendedTotal,
      a.apiCalls.total,
      a.secondRegion,
    ];
    if (!a.results.length) {
      const reason = a.problem?.reason[locale] ?? 'No checks ran.';
      lines.push(csvLine([...account, '', '', '', reason, '', a.problem?.action, ...tail]));
    }
    for (const r of a.results) {
      lines.push(
        csvLine([
          ...account,
          r.id,
          r.severity,
          r.status,
          r.message[locale],
          formatEvidence(r.evidence),
          r.action,
          ...tail,
        ]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Everything: the summary, then each account with its results, evidence, reasons and every API call. */
export function renderJson(run: GradingRun): string {
  return `${JSON.stringify({ summary: summarize(run), ...run }, null, 2)}\n`;
}

/** For a person: the totals, the checks most failed first (what to explain to the room), then each learner. */
export function renderText(run: GradingRun, locale: Locale = 'en'): string {
  const s = summarize(run);
  const out: string[] = [
    `Stage ${s.stage}: ${s.accounts} account(s) in ${(s.ms / 1000).toFixed(1)} s — ${s.graded} graded, ${s.mismatch} mismatch, ${s.error} error.`,
    `${s.allRequiredPassed} of ${s.graded} graded passed every required check.`,
  ];
  if (s.notImplemented.length) out.push(`Not graded yet (no check implements them): ${s.notImplemented.join(', ')}.`);
  if (s.checks.length) {
    out.push('', 'Checks, most failed first:');
    out.push(
      ...table([
        ['check', 'severity', 'pass', 'fail', 'error', 'skipped'],
        ...s.checks.map((c) => [c.id, c.severity, c.pass, c.fail, c.error, c.skipped]),
      ]),
    );
  }
  out.push('', 'Learners:');
  out.push(
    ...table([
      ['learner', 'account', 'status', 'required', 'recommended', 'note'],
      ...run.accounts.map((a) => [
        a.learner,
        a.verifiedAccountId ?? a.expectedAccountId ?? '?',
        a.status,
        a.status === 'graded' ? `${a.score.requiredPassed}/${a.score.requiredTotal}` : '-',
        a.status === 'graded' ? `${a.score.recommendedPassed}/${a.score.recommendedTotal}` : '-',
        note(a, locale),
      ]),
    ]),
  );
  return `${out.join('\n')}\n`;
}

/** One account in detail, check by check: `scalelab check`. */
export function renderAccountText(account: AccountGrade, locale: Locale = 'en'): string {
  const mark = { pass: '✓ pass   ', fail: '✗ fail   ', error: '! error  ', skipped: '- skipped' } as const;
  const out = [
    `Account ${account.verifiedAccountId ?? '?'} · ${account.region} · stack ${account.stackName} · stage ${account.stage}`,
  ];
  if (account.problem) out.push(`${account.status}: ${account.problem.reason[locale]}`);
  for (const r of account.results) {
    out.push(`${mark[r.status]} ${r.id} (${r.severity}): ${r.message[locale]}`);
  }
  if (account.status === 'graded') {
    const { requiredPassed, requiredTotal, recommendedPassed, recommendedTotal } = account.score;
    out.push(
      `Required ${requiredPassed}/${requiredTotal}, recommended ${recommendedPassed}/${recommendedTotal}, ${account.apiCalls.total} API call(s) in ${Math.round(account.ms)} ms.`,
    );
  }
  return `${out.join('\n')}\n`;
}

function note(a: AccountGrade, locale: Locale): string {
  if (a.problem) return a.problem.reason[locale];
  const errors = a.results.filter((r) => r.status === 'error');
  if (errors.length) return `${errors.length} check(s) could not run: ${errors[0]?.message[locale] ?? ''}`;
  if (a.storeError) return `not stored: ${a.storeError}`;
  return '';
}

/** Columns padded to their widest cell; numbers right-aligned. */
function table(rows: (string | number)[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, String(cell).length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        if (typeof cell === 'number') return String(cell).padStart(w);
        return i === row.length - 1 ? cell : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd(),
  );
}
