import { describe, expect, it } from 'vitest';
import { type GradingRun, gradeAccounts, renderReport } from '@/lib/grading';
import { parseCsv } from '@/lib/grading/csv';
import { renderAccountText } from '@/lib/grading/reports';
import { awsError, labStack } from '../support/aws-fixtures';
import { classOf, fakeClients, passingLab, rosterEntry } from './support';

/** A class with every kind of outcome: passed, failed a check, denied a describe, mismatch, and a hostile name. */
async function mixedRun(): Promise<GradingRun> {
  const { entries, accounts } = classOf(2);
  const nasty = 'Zoë <script>&"\'\u0001';
  entries.push(rosterEntry('noeip', '200000000000'), rosterEntry('denied', '300000000000'));
  entries.push(rosterEntry('other', '400000000000'), rosterEntry(nasty, '500000000000'));
  accounts.noeip = { fixtures: { ...passingLab('200000000000'), 'EC2.DescribeAddresses': { Addresses: [] } } };
  accounts.denied = {
    fixtures: {
      ...passingLab('300000000000'),
      'EC2.DescribeSecurityGroups': awsError('UnauthorizedOperation', 'You are not authorized <here> & now', 403),
    },
  };
  accounts.other = { fixtures: passingLab('999999999999') };
  accounts[nasty] = {
    fixtures: {
      ...passingLab('500000000000'),
      'CloudFormation.DescribeStacks': labStack({ AppUrl: 'http://127.0.0.1:9/?a=<b>&c="d"' }),
      'EC2.DescribeAddresses': { Addresses: [] },
    },
  };
  const { makeClients } = fakeClients(accounts);
  return gradeAccounts({ entries, stage: '00-one-user', makeClients });
}

/** A DOM-free well-formedness check: tags nest and close, attributes are quoted, text has no bare `<` or `&`. */
function assertWellFormedXml(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: string[] = [];
  let roots = 0;
  let consumed = 0;
  for (const m of body.matchAll(token)) {
    consumed += m[0].length;
    const [, closing, name, attributes, selfClosing, text] = m;
    if (text !== undefined) {
      expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '')).not.toMatch(/[&<]/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that none are left
      expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      if (!stack.length) expect(text.trim()).toBe('');
      continue;
    }
    for (const value of (attributes ?? '').matchAll(/="([^"]*)"/g)) {
      expect(value[1]!.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '')).not.toMatch(/[&<>'\n]/);
      expect(value[1]).not.toContain(String.fromCharCode(1));
    }
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) {
      if (!stack.length) roots++;
      stack.push(name!);
    } else if (!stack.length) roots++;
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

const count = (xml: string, pattern: RegExp) => xml.match(pattern)?.length ?? 0;
const attr = (tag: string, name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(tag)?.[1]);

describe('reports', () => {
  it('writes JUnit XML that parses, one testsuite per learner and one testcase per check, with the right counts', async () => {
    const run = await mixedRun();
    const xml = renderReport(run, 'junit');
    assertWellFormedXml(xml);

    expect(count(xml, /<testsuite /g)).toBe(6);
    // 5 graded learners × 6 checks, and one `account` testcase for the mismatch.
    expect(count(xml, /<testcase /g)).toBe(31);
    expect(count(xml, /<failure /g)).toBe(2);
    expect(count(xml, /<error /g)).toBe(2);
    expect(count(xml, /<skipped /g)).toBe(5);
    const root = /<testsuites [^>]*>/.exec(xml)![0];
    expect([attr(root, 'tests'), attr(root, 'failures'), attr(root, 'errors'), attr(root, 'skipped')]).toEqual([
      31, 2, 2, 5,
    ]);

    const noeip = /<testsuite name="noeip"[^>]*>/.exec(xml)![0];
    expect([attr(noeip, 'tests'), attr(noeip, 'failures'), attr(noeip, 'errors')]).toEqual([6, 1, 0]);
    expect(xml).toContain('<testcase classname="scalelab.00-one-user" name="ec2.elastic-ip"');
    expect(xml).toMatch(/<failure message="[^"]+" type="required">/);

    const mismatch = /<testsuite name="other"[^>]*>[\s\S]*?<\/testsuite>/.exec(xml)![0];
    expect(mismatch).toContain('<testcase classname="scalelab.00-one-user" name="account"');
    expect(mismatch).toContain('type="mismatch"');
    expect(mismatch).toContain('<property name="verified_account_id" value="999999999999"/>');

    expect(xml).toContain('name="Zoë &lt;script&gt;&amp;&quot;&apos;"');
    expect(xml).toContain('?a=&lt;b&gt;&amp;c=&quot;d&quot;');
  });

  it('writes one CSV row per learner and check, and one row for an account that was not graded', async () => {
    const run = await mixedRun();
    const records = parseCsv(renderReport(run, 'csv'));
    const [header, ...rows] = records.map((r) => r.fields);
    expect(header?.slice(0, 11)).toEqual([
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
    ]);
    expect(rows).toHaveLength(31);
    const col = (name: string) => header!.indexOf(name);
    const other = rows.filter((r) => r[col('learner')] === 'other');
    expect(other).toHaveLength(1);
    expect(other[0]![col('account_status')]).toBe('mismatch');
    expect(other[0]![col('message')]).toContain('roster says 400000000000');
    const denied = rows.find((r) => r[col('learner')] === 'denied' && r[col('check_status')] === 'error')!;
    expect(denied[col('denied_action')]).toBe('ec2:DescribeSecurityGroups');
    const web = rows.find(
      (r) => r[col('learner')] === 'learner-000' && r[col('check_id')] === 'ec2.web-instance-running',
    )!;
    expect(web[col('evidence')]).toContain('i-0web');
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });

  it('writes JSON with the summary, evidence, reasons and every API call', async () => {
    const run = await mixedRun();
    const json = JSON.parse(renderReport(run, 'json'));
    expect(json.summary).toMatchObject({ accounts: 6, graded: 5, mismatch: 1, error: 0, allRequiredPassed: 2 });
    const first = json.accounts[0];
    expect(first.results[0].evidence.length).toBeGreaterThan(0);
    expect(first.apiCalls.calls[0]).toMatchObject({ service: 'STS', operation: 'GetCallerIdentity', outcome: 'ok' });
    expect(json.accounts[4].problem.reason.en).toContain('not graded');
  });

  it('summarises for people: pass counts per check, the most failed first, then each learner', async () => {
    const run = await mixedRun();
    const text = renderReport(run, 'text');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Stage 00-one-user: 6 account\(s\) in [\d.]+ s — 5 graded, 1 mismatch, 0 error\.$/);
    expect(lines[1]).toBe('2 of 5 graded passed every required check.');
    const checks = lines.slice(
      lines.indexOf('Checks, most failed first:') + 2,
      lines.indexOf('Checks, most failed first:') + 7,
    );
    expect(checks[0]).toMatch(/^ec2\.elastic-ip\s+required\s+3\s+2\s+0\s+0$/);
    expect(checks[1]).toMatch(/^sg\.no-open-admin-ports\s+required\s+4\s+0\s+1\s+0$/);
    expect(text).toMatch(/other\s+999999999999\s+mismatch\s+-\s+-\s+The role is in account 999999999999/);
    expect(renderReport(run, 'text', 'ko')).toContain('채점하지 않았습니다');
  });

  it('prints one account check by check', async () => {
    const run = await mixedRun();
    const text = renderAccountText(run.accounts[2]!);
    expect(text).toContain('✗ fail    ec2.elastic-ip (required):');
    expect(text).toMatch(/Required 2\/3, recommended 2\/3, 5 API call\(s\) in \d+ ms\./);
  });
});
