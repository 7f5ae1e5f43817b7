import { describe, expect, it } from 'vitest';
import { GradingTimeoutError, gradeAccounts, learnerIdFor, resolveStage, stageChecks, uuidV5 } from '@/lib/grading';
import { fullJitter } from '@/lib/grading/abort';
import { mapPool } from '@/lib/grading/pool';
import { getLab } from '@/lib/labs/registry';
import { openStore } from '@/lib/progress';
import { awsError } from '../support/aws-fixtures';
import { CallTracker, classOf, type FakeAccount, fakeClients, passingLab, rosterEntry } from './support';

const STAGE = '00-one-user' as const;
const fast = { baseMs: 1, capMs: 5 };

function grade(entries: ReturnType<typeof classOf>['entries'], accounts: Record<string, FakeAccount>, extra = {}) {
  const { makeClients, tracker } = fakeClients(accounts, new CallTracker());
  const run = gradeAccounts({ entries, stage: STAGE, makeClients, backoff: fast, timeoutMs: 5_000, ...extra });
  return { run, tracker };
}

describe('gradeAccounts', () => {
  it('verifies each account, runs the stage checks once per describe, and scores required and recommended apart', async () => {
    const { entries, accounts } = classOf(3);
    const { run } = grade(entries, accounts);
    const result = await run;
    expect(result.accounts.map((a) => a.status)).toEqual(['graded', 'graded', 'graded']);
    const first = result.accounts[0]!;
    expect(first.verifiedAccountId).toBe('100000000000');
    expect(first.learnerId).toBe(learnerIdFor('learner-000'));
    expect(first.stackName).toBe('scalelab-learner-000');
    expect(first.results.map((r) => [r.id, r.status])).toEqual([
      ['ec2.web-instance-running', 'pass'],
      ['http.app-responds', 'skipped'],
      ['ec2.elastic-ip', 'pass'],
      ['sg.no-open-admin-ports', 'pass'],
      ['ec2.imdsv2-required', 'pass'],
      ['ec2.scaled-up', 'pass'],
    ]);
    expect(first.score).toEqual({
      requiredPassed: 3,
      requiredTotal: 3,
      recommendedPassed: 2,
      recommendedTotal: 3,
      ratio: 1,
    });
    expect(first.allRequiredPassed).toBe(true);
    expect(first.apiCalls.byOperation).toEqual({
      'STS.GetCallerIdentity': 1,
      'CloudFormation.DescribeStacks': 1,
      'EC2.DescribeInstances': 1,
      'EC2.DescribeSecurityGroups': 1,
      'EC2.DescribeAddresses': 1,
    });
    expect(first.apiCalls.total).toBe(5);
    expect(first.attempts).toBe(1);
  });

  it.each([1, 4, 16])('never has more than %i accounts in flight', async (concurrency) => {
    const { entries, accounts } = classOf(40, { latencyMs: 3 });
    const { run, tracker } = grade(entries, accounts, { concurrency });
    const result = await run;
    expect(result.accounts.every((a) => a.status === 'graded')).toBe(true);
    expect(tracker.maxAccountsInFlight).toBe(concurrency);
  });

  it('keeps grading the others when one account throws, one hangs, one is denied and one is throttled for good', async () => {
    const { entries, accounts } = classOf(8);
    accounts['learner-001']!.brokenClients = true;
    accounts['learner-002']!.hang = { operation: 'DescribeInstances' };
    accounts['learner-003']!.fixtures = {
      ...accounts['learner-003']!.fixtures,
      'EC2.DescribeInstances': awsError('UnauthorizedOperation', 'not authorized', 403),
    };
    accounts['learner-004']!.throttle = { operation: 'DescribeSecurityGroups', times: 1000 };
    const { run } = grade(entries, accounts, { timeoutMs: 300, concurrency: 3, retries: 2 });
    const result = await run;
    const by = Object.fromEntries(result.accounts.map((a) => [a.learner, a]));

    expect(by['learner-001']).toMatchObject({ status: 'error', problem: { kind: 'other' } });
    expect(by['learner-001']!.problem!.reason.en).toContain('could not be configured');
    expect(by['learner-002']).toMatchObject({ status: 'error', problem: { kind: 'timeout' }, results: [] });
    expect(by['learner-002']!.problem!.reason.en).toBe(
      'Grading did not finish within 0.3 s; the account was given up.',
    );

    // Denied: graded, the checks that needed the call are `error` naming the action, never `fail`.
    const denied = by['learner-003']!;
    expect(denied.status).toBe('graded');
    expect(denied.results.find((r) => r.id === 'ec2.web-instance-running')).toMatchObject({
      status: 'error',
      action: 'ec2:DescribeInstances',
    });
    expect(denied.results.some((r) => r.status === 'fail')).toBe(false);
    expect(denied.allRequiredPassed).toBe(false);

    // Throttled for good: retried `retries` times, then the checks that needed the call are `error`.
    const throttled = by['learner-004']!;
    expect(throttled.status).toBe('graded');
    expect(throttled.attempts).toBe(3);
    expect(throttled.apiCalls.byOperation['EC2.DescribeSecurityGroups']).toBe(3);
    expect(throttled.apiCalls.throttled).toBe(3);
    const sg = throttled.results.find((r) => r.id === 'sg.no-open-admin-ports')!;
    expect(sg.status).toBe('error');
    expect(sg.message.en).toMatch(/throttled ec2:DescribeSecurityGroups/);

    for (const learner of ['learner-000', 'learner-005', 'learner-006', 'learner-007']) {
      expect(by[learner]).toMatchObject({ status: 'graded', allRequiredPassed: true });
    }
  });

  it('gives each of 50 accounts with mixed states and injected faults the right status', async () => {
    const { entries, accounts } = classOf(50, { latencyMs: 2 });
    const expected: Record<string, string> = {};
    entries.forEach(({ learner, accountId }, i) => {
      const fake = accounts[learner]!;
      const kind = ['pass', 'fail', 'throttled-once', 'denied', 'mismatch', 'hang', 'broken'][i % 7]!;
      expected[learner] = kind;
      if (kind === 'fail') fake.fixtures = { ...fake.fixtures, 'EC2.DescribeAddresses': { Addresses: [] } };
      if (kind === 'throttled-once') fake.throttle = { times: 1 };
      if (kind === 'denied')
        fake.fixtures = { ...fake.fixtures, 'EC2.DescribeInstances': awsError('UnauthorizedOperation', 'no', 403) };
      if (kind === 'mismatch') fake.fixtures = passingLab(String(Number(accountId) + 1));
      if (kind === 'hang') fake.hang = {};
      if (kind === 'broken') fake.brokenClients = true;
    });
    const result = await grade(entries, accounts, { concurrency: 16, timeoutMs: 400 }).run;
    for (const account of result.accounts) {
      const kind = expected[account.learner];
      const shape = {
        pass: { status: 'graded', allRequiredPassed: true },
        fail: { status: 'graded', allRequiredPassed: false, score: { requiredPassed: 2, requiredTotal: 3 } },
        'throttled-once': { status: 'graded', allRequiredPassed: true, attempts: 2 },
        denied: { status: 'graded', allRequiredPassed: false },
        mismatch: { status: 'mismatch', results: [] },
        hang: { status: 'error', problem: { kind: 'timeout' } },
        broken: { status: 'error', problem: { kind: 'other' } },
      }[kind!];
      expect(account, `${account.learner} (${kind})`).toMatchObject(shape!);
      if (kind === 'denied') {
        expect(account.results.find((r) => r.id === 'ec2.web-instance-running')?.status).toBe('error');
        expect(account.results.some((r) => r.status === 'fail')).toBe(false);
      }
    }
  });

  it('backs off and grades a throttled account once AWS lets it through', async () => {
    const { entries, accounts } = classOf(2);
    accounts['learner-000']!.throttle = { operation: 'DescribeInstances', times: 2 };
    const { run, tracker } = grade(entries, accounts, { retries: 3 });
    const [throttled, other] = (await run).accounts;
    expect(throttled).toMatchObject({ status: 'graded', allRequiredPassed: true, attempts: 3 });
    expect(throttled!.apiCalls.throttled).toBe(2);
    // Only what the throttled checks need is described again, and STS is asked once.
    const calls = tracker.callsOf('learner-000');
    expect(calls.filter((c) => c === 'STS.GetCallerIdentity')).toHaveLength(1);
    expect(calls.filter((c) => c === 'EC2.DescribeInstances')).toHaveLength(3);
    expect(calls.filter((c) => c === 'EC2.DescribeSecurityGroups')).toHaveLength(1);
    expect(other).toMatchObject({ status: 'graded', attempts: 1 });
  });

  it('retries a throttled identity check too', async () => {
    const { entries, accounts } = classOf(1);
    accounts['learner-000']!.throttle = { operation: 'GetCallerIdentity', times: 1 };
    const [account] = (await grade(entries, accounts).run).accounts;
    expect(account).toMatchObject({ status: 'graded', attempts: 2, verifiedAccountId: '100000000000' });
  });

  it('reports an account whose credentials reach another account as a mismatch and does not grade it', async () => {
    const entries = [rosterEntry('alice', '111111111111'), rosterEntry('bob', '222222222222')];
    const accounts = {
      alice: { fixtures: passingLab('111111111111') },
      bob: { fixtures: passingLab('999999999999') },
    };
    const { run, tracker } = grade(entries, accounts);
    const [alice, bob] = (await run).accounts;
    expect(alice!.status).toBe('graded');
    expect(bob).toMatchObject({
      status: 'mismatch',
      expectedAccountId: '222222222222',
      verifiedAccountId: '999999999999',
      results: [],
      allRequiredPassed: false,
      problem: { kind: 'mismatch' },
    });
    expect(bob!.problem!.reason.en).toBe(
      'The role is in account 999999999999, but the roster says 222222222222: not graded.',
    );
    expect(tracker.callsOf('bob')).toEqual(['STS.GetCallerIdentity']);
  });

  it('names the role when it cannot be assumed', async () => {
    const entries = [rosterEntry('carol', '333333333333')];
    const denied = awsError(
      'AccessDenied',
      'User: arn:aws:iam::000000000000:user/platform is not authorized to perform: sts:AssumeRole',
      403,
    );
    const accounts = { carol: { fixtures: { 'STS.GetCallerIdentity': denied } } };
    const [carol] = (await grade(entries, accounts).run).accounts;
    expect(carol).toMatchObject({ status: 'error', problem: { kind: 'access-denied', action: 'sts:AssumeRole' } });
    expect(carol!.problem!.reason.en).toContain('Could not assume arn:aws:iam::333333333333:role/scalelab-grader');
  });

  it('stops calling AWS for an account once its time is up', async () => {
    const { entries, accounts } = classOf(1, { latencyMs: 40 });
    const { run, tracker } = grade(entries, accounts, { timeoutMs: 60 });
    const [account] = (await run).accounts;
    expect(account!.problem!.kind).toBe('timeout');
    const callsAtTimeout = tracker.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(tracker.calls.length).toBe(callsAtTimeout);
    // At most GetCallerIdentity and stage 00's four describes, which all start together; none after the timeout.
    expect(callsAtTimeout).toBeLessThanOrEqual(5);
  });

  it('ends unfinished accounts as cancelled when the signal aborts', async () => {
    const { entries, accounts } = classOf(6, { latencyMs: 30 });
    const controller = new AbortController();
    const { run } = grade(entries, accounts, { concurrency: 2, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await run;
    expect(result.accounts.at(-1)).toMatchObject({ status: 'error', problem: { kind: 'cancelled' } });
  });

  it('reports progress after every account', async () => {
    const { entries, accounts } = classOf(5);
    const seen: number[] = [];
    await grade(entries, accounts, { concurrency: 2, onProgress: (p: { done: number }) => seen.push(p.done) }).run;
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('says which checks of a stage are not implemented yet and grades the rest', async () => {
    const { entries, accounts } = classOf(1);
    const { makeClients } = fakeClients(accounts);
    const result = await gradeAccounts({ entries, stage: '03-scale-out', makeClients });
    expect([...result.checks.map((c) => c.id), ...result.notImplemented].sort()).toEqual(
      [...getLab('03-scale-out').checks].sort(),
    );
    expect(result.notImplemented).toEqual(stageChecks('03-scale-out').notImplemented);
    // A stage with no required check implemented never counts as passed.
    if (!result.checks.some((c) => c.severity === 'required')) {
      expect(result.accounts[0]).toMatchObject({ status: 'graded', allRequiredPassed: false, score: { ratio: null } });
    }
  });
});

describe('storing grades', () => {
  it('stores each graded account as a check run of its roster learner, and a mismatch not at all', async () => {
    const store = await openStore({ dir: 'memory://' });
    try {
      const entries = [rosterEntry('Dana', '444444444444'), rosterEntry('eve', '555555555555')];
      const accounts = {
        Dana: { fixtures: passingLab('444444444444') },
        eve: { fixtures: passingLab('666666666666') },
      };
      const { makeClients } = fakeClients(accounts);
      const result = await gradeAccounts({ entries, stage: STAGE, makeClients, store });
      const [dana, eve] = result.accounts;
      expect(dana!.runId).toBeDefined();
      const row = await store.checkRun(dana!.runId!);
      expect(row).toMatchObject({
        learnerId: learnerIdFor('dana'),
        stageId: STAGE,
        status: 'finished',
        accountId: '444444444444',
        allRequiredPassed: true,
      });
      expect((row!.results as { id: string }[]).map((r) => r.id)).toEqual(dana!.results.map((r) => r.id));
      expect((await store.stageStatuses(learnerIdFor('Dana')))['01-split-database']).toBe('unlocked');
      expect(eve!.runId).toBeUndefined();
      expect(await store.learnerExists(learnerIdFor('eve'))).toBe(false);
    } finally {
      await store.close();
    }
  });
});

describe('grading helpers', () => {
  it('derives RFC 4122 version-5 ids (the DNS example from the RFC errata) and case-insensitive learner ids', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(learnerIdFor(' Alice ')).toBe(learnerIdFor('alice'));
    expect(learnerIdFor('alice')).not.toBe(learnerIdFor('alicia'));
    expect(learnerIdFor('alice')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    ['03', '03-scale-out'],
    ['3', '03-scale-out'],
    ['03-scale', '03-scale-out'],
    ['00-one-user', '00-one-user'],
    ['0', '00-one-user'],
    ['07', undefined],
    ['scale', undefined],
    ['', undefined],
  ])('resolves --stage %j to %s', (input, stage) => {
    expect(resolveStage(input)).toBe(stage);
  });

  it('draws full-jitter delays below min(cap, base · 2^attempt)', () => {
    expect(fullJitter(0, 100, 1000, () => 0.999)).toBe(99);
    expect(fullJitter(3, 100, 1000, () => 0.5)).toBe(400);
    expect(fullJitter(10, 100, 1000, () => 0.999)).toBe(999);
    expect(fullJitter(10, 100, 1000, () => 0)).toBe(0);
  });

  it('runs a pool in order with the given width, and finishes the rest when one item throws', async () => {
    let active = 0;
    let most = 0;
    const done: number[] = [];
    const work = mapPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
      active++;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      if (n === 2) throw new Error('two');
      done.push(n);
      return n * 10;
    });
    await expect(work).rejects.toThrow('two');
    expect(done.sort()).toEqual([1, 3, 4, 5, 6]);
    expect(most).toBe(2);
    await expect(mapPool([1, 2], 3, async (n) => n * 2)).resolves.toEqual([2, 4]);
  });

  it('names a timeout the way explainAwsError reads it', () => {
    expect(new GradingTimeoutError(1500).name).toBe('TimeoutError');
  });
});
