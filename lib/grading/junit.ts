import type { Locale } from '@/lib/i18n/locales';
import { formatEvidence } from './summary';
import type { AccountGrade, GradingRun } from './types';

/**
 * JUnit XML, the format every CI server and many LMSs read: one testsuite per learner, one testcase per check.
 * fail → <failure>, error → <error> (never a failure: the learner did nothing wrong), skipped → <skipped>. An account
 * that was not graded (mismatch, error) is a suite with one errored testcase, `account`.
 */
export function renderJunit(run: GradingRun, locale: Locale = 'en'): string {
  const suites = run.accounts.map((a) => suite(a, run, locale));
  const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s.counts[key], 0);
  const head = attrs({
    name: `scalelab ${run.stage}`,
    tests: sum('tests'),
    failures: sum('failures'),
    errors: sum('errors'),
    skipped: sum('skipped'),
    time: seconds(run.ms),
    timestamp: run.startedAt,
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${head}>`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(account: AccountGrade, run: GradingRun, locale: Locale) {
  const classname = `scalelab.${run.stage}`;
  const cases: string[] = [];
  const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  if (account.status !== 'graded') {
    counts.tests = 1;
    counts.errors = 1;
    const problem = account.problem;
    cases.push(
      `    <testcase${attrs({ classname, name: 'account', time: seconds(account.ms) })}>`,
      `      <error${attrs({ message: problem?.reason[locale] ?? account.status, type: problem?.kind ?? account.status })}/>`,
      '    </testcase>',
    );
  }
  for (const r of account.results) {
    counts.tests++;
    const open = `    <testcase${attrs({ classname, name: r.id, time: seconds(r.ms) })}`;
    const message = r.message[locale];
    const evidence = formatEvidence(r.evidence);
    if (r.status === 'pass') {
      cases.push(`${open}/>`);
      continue;
    }
    let body: string;
    if (r.status === 'fail') {
      counts.failures++;
      body = `<failure${attrs({ message, type: r.severity })}>${text(evidence)}</failure>`;
    } else if (r.status === 'error') {
      counts.errors++;
      body = `<error${attrs({ message, type: r.action ?? 'error' })}>${text(evidence)}</error>`;
    } else {
      counts.skipped++;
      body = `<skipped${attrs({ message })}/>`;
    }
    cases.push(`${open}>`, `      ${body}`, '    </testcase>');
  }
  const properties = {
    learner_id: account.learnerId,
    expected_account_id: account.expectedAccountId ?? '',
    verified_account_id: account.verifiedAccountId ?? '',
    status: account.status,
    stack: account.stackName,
    region: account.region,
    score_required: `${account.score.requiredPassed}/${account.score.requiredTotal}`,
    score_recommended: `${account.score.recommendedPassed}/${account.score.recommendedTotal}`,
    api_calls: account.apiCalls.total,
  };
  const xml = [
    `  <testsuite${attrs({ name: account.learner, ...counts, time: seconds(account.ms) })}>`,
    '    <properties>',
    ...Object.entries(properties).map(([name, value]) => `      <property${attrs({ name, value })}/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR; lone surrogates; FFFE/FFFF). */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters XML cannot carry, removed on purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element text: markup characters escaped, impossible characters dropped. */
export function text(value: string): string {
  return value.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** ` a="1" b="x"`: attribute values escaped, line breaks and tabs kept as character references. */
function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(
      ([k, v]) =>
        ` ${k}="${text(String(v))
          .replaceAll('"', '&quot;')
          .replaceAll("'", '&apos;')
          .replaceAll('\n', '&#10;')
          .replaceAll('\r', '&#13;')
          .replaceAll('\t', '&#9;')}"`,
    )
    .join('');
}
