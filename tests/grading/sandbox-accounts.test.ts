import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccountGrade, type GradingRun, gradeAccounts, type RosterEntry } from '@/lib/grading';
import { createSandbox, type FaultRule, type Sandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';
import { rosterEntry } from './support';

/**
 * 50 sandbox accounts in the states a real class leaves them in, graded the way the CLI grades a roster: each
 * account is its own in-process AWS (lib/sandbox) with stacks deployed through lib/stacks, faults injected into some.
 */
const STAGE = '00-one-user' as const;
const REGION = 'us-east-1';
// The stage's solution as a learner finishes it: launched, then scaled up (ec2.scaled-up).
const solution = readFileSync('templates/00-one-user/solution.yaml', 'utf8').replace(
  'Default: t3.micro',
  'Default: t3.small',
);
// The classic mistake: SSH open to the world next to HTTP.
const sshOpen = solution.replace(
  '          Description: HTTP from the internet\n',
  '          Description: HTTP from the internet\n' +
    '        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n',
);

type Deployed = 'solution' | 'ssh-open' | 'nothing';
interface Plan {
  deployed: Deployed;
  faults?: FaultRule[];
  /** The roster claims another account id than the sandbox's. */
  wrongAccount?: boolean;
}

const plans: Plan[] = [
  ...Array.from({ length: 28 }, (): Plan => ({ deployed: 'solution' })),
  ...Array.from({ length: 6 }, (): Plan => ({ deployed: 'ssh-open' })),
  ...Array.from({ length: 5 }, (): Plan => ({ deployed: 'nothing' })),
  // Throttled a couple of times: the SDK's retries (and the account-level backoff) get through.
  ...Array.from(
    { length: 3 },
    (): Plan => ({
      deployed: 'solution',
      faults: [{ kind: 'throttle', operation: 'DescribeInstances', times: 2 }],
    }),
  ),
  { deployed: 'solution', faults: [{ kind: 'throttle', operation: 'GetCallerIdentity', times: 2 }] },
  // Throttled for good on one describe: its checks end in `error`, the others still grade.
  { deployed: 'solution', faults: [{ kind: 'throttle', operation: 'DescribeSecurityGroups', times: 1000 }] },
  // The grader role lacks one permission: that check is an error naming it, never a fail.
  { deployed: 'solution', faults: [{ kind: 'access-denied', operation: 'DescribeAddresses' }] },
  // The role cannot even say who it is: no grade at all.
  { deployed: 'solution', faults: [{ kind: 'access-denied', operation: 'GetCallerIdentity' }] },
  ...Array.from({ length: 3 }, (): Plan => ({ deployed: 'solution', wrongAccount: true })),
  { deployed: 'nothing', wrongAccount: true },
];

const learnerOf = (i: number) => `sandbox-${String(i).padStart(2, '0')}`;
const accountOf = (i: number) => String(300000000000 + i);

async function deploy(sandbox: Sandbox, stackName: string, templateBody: string): Promise<void> {
  const clients = sandbox.clientsFor(REGION, { maxAttempts: 1 });
  const preview = await prepareChangeSet({ clients, stackName, templateBody, tags: { 'scalelab:stage': STAGE } });
  await executeChangeSet(clients, stackName, preview.changeSetId);
  const final = await followStack(clients, stackName, new Date(0), () => {}, { intervalMs: 5 });
  if (final.status !== 'CREATE_COMPLETE') throw new Error(`${stackName}: ${final.status}`);
}

describe('grading 50 sandbox accounts with mixed states and injected faults', () => {
  const sandboxes = new Map<string, Sandbox>();
  const entries: RosterEntry[] = [];
  let run: GradingRun;
  const byLearner = new Map<string, AccountGrade>();
  const gradesWhere = (pick: (p: Plan) => boolean) =>
    plans.flatMap((p, i) => (pick(p) ? [byLearner.get(learnerOf(i)) as AccountGrade] : []));

  beforeAll(async () => {
    expect(plans).toHaveLength(50);
    await Promise.all(
      plans.map(async (plan, i) => {
        const learner = learnerOf(i);
        const sandbox = createSandbox({ accountId: accountOf(i), regions: [REGION] });
        const entry = rosterEntry(learner, plan.wrongAccount ? '999999999999' : accountOf(i), i + 2);
        entries.push(entry);
        sandboxes.set(learner, sandbox);
        if (plan.deployed !== 'nothing') {
          await deploy(sandbox, entry.stackName, plan.deployed === 'solution' ? solution : sshOpen);
        }
        // Faults go in after the deploy: they are the grader's trouble, not the learner's.
        for (const fault of plan.faults ?? []) sandbox.faults.add(fault);
      }),
    );
    entries.sort((a, b) => a.line - b.line);
    run = await gradeAccounts({
      entries,
      stage: STAGE,
      concurrency: 16,
      timeoutMs: 20_000,
      backoff: { baseMs: 1, capMs: 5 },
      makeClients: (entry, log) => {
        const sandbox = sandboxes.get(entry.learner);
        if (!sandbox) throw new Error(`no sandbox for ${entry.learner}`);
        return sandbox.clientsFor(entry.region, { log });
      },
    });
    for (const grade of run.accounts) byLearner.set(grade.learner, grade);
  }, 120_000);

  const statuses = (grade: AccountGrade) => Object.fromEntries(grade.results.map((r) => [r.id, r.status]));

  it('grades every account, in the roster order, none stopping the others', () => {
    expect(run.accounts.map((a) => a.learner)).toEqual(plans.map((_, i) => learnerOf(i)));
    const count = (s: string) => run.accounts.filter((a) => a.status === s).length;
    expect({ graded: count('graded'), mismatch: count('mismatch'), error: count('error') }).toEqual({
      graded: 45,
      mismatch: 4,
      error: 1,
    });
  });

  it('passes every required check of the solution, with the verified account id', () => {
    const passing = gradesWhere((p) => p.deployed === 'solution' && !p.faults && !p.wrongAccount);
    expect(passing).toHaveLength(28);
    for (const grade of passing) {
      expect(grade.status).toBe('graded');
      expect(grade.verifiedAccountId).toBe(grade.expectedAccountId);
      expect(grade.allRequiredPassed).toBe(true);
      expect(grade.score).toMatchObject({ requiredPassed: 3, requiredTotal: 3, ratio: 1 });
      expect(statuses(grade)).toMatchObject({
        'ec2.web-instance-running': 'pass',
        'ec2.elastic-ip': 'pass',
        'sg.no-open-admin-ports': 'pass',
        'ec2.imdsv2-required': 'pass',
      });
    }
  });

  it('fails exactly the admin-ports check where SSH is open to the world', () => {
    const open = gradesWhere((p) => p.deployed === 'ssh-open');
    expect(open).toHaveLength(6);
    for (const grade of open) {
      expect(grade.status).toBe('graded');
      expect(grade.allRequiredPassed).toBe(false);
      expect(grade.score).toMatchObject({ requiredPassed: 2, requiredTotal: 3 });
      const failed = grade.results.filter((r) => r.status === 'fail');
      expect(failed.map((r) => r.id)).toEqual(['sg.no-open-admin-ports']);
      expect(failed[0]?.message.en).toMatch(/22/);
    }
  });

  it('fails the required checks of an account with nothing deployed, without an error', () => {
    const empty = gradesWhere((p) => p.deployed === 'nothing' && !p.wrongAccount);
    expect(empty).toHaveLength(5);
    for (const grade of empty) {
      expect(grade.status).toBe('graded');
      expect(grade.score.requiredPassed).toBe(0);
      expect(grade.allRequiredPassed).toBe(false);
      expect(grade.results.some((r) => r.status === 'error')).toBe(false);
    }
  });

  it('gets through brief throttling with full marks', () => {
    const brief = gradesWhere((p) => p.faults?.[0]?.kind === 'throttle' && p.faults[0].times === 2);
    expect(brief).toHaveLength(4);
    for (const grade of brief) {
      expect(grade.status).toBe('graded');
      expect(grade.allRequiredPassed).toBe(true);
      expect(grade.score.ratio).toBe(1);
    }
  });

  it('reports checks throttled for good as errors, never as failures, after the account-level retries', () => {
    const [grade] = gradesWhere((p) => p.faults?.[0]?.times === 1000);
    expect(grade?.status).toBe('graded');
    expect(grade?.attempts).toBeGreaterThan(1);
    expect(statuses(grade as AccountGrade)).toMatchObject({
      'sg.no-open-admin-ports': 'error',
      'ec2.web-instance-running': 'pass',
      'ec2.elastic-ip': 'pass',
    });
    expect(grade?.results.some((r) => r.status === 'fail')).toBe(false);
    expect(grade?.allRequiredPassed).toBe(false);
  });

  it('names the missing permission when one describe is denied, and grades the rest', () => {
    const [grade] = gradesWhere(
      (p) => p.faults?.[0]?.kind === 'access-denied' && p.faults[0].operation !== 'GetCallerIdentity',
    );
    expect(grade?.status).toBe('graded');
    const eip = grade?.results.find((r) => r.id === 'ec2.elastic-ip');
    expect(eip?.status).toBe('error');
    expect(eip?.message.en).toMatch(/ec2:DescribeAddresses/);
    expect(statuses(grade as AccountGrade)['ec2.web-instance-running']).toBe('pass');
  });

  it('does not grade an account whose identity cannot be verified', () => {
    const [grade] = gradesWhere(
      (p) => p.faults?.[0]?.operation === 'GetCallerIdentity' && p.faults[0].kind === 'access-denied',
    );
    expect(grade?.status).toBe('error');
    expect(grade?.problem?.kind).toBe('access-denied');
    expect(grade?.results).toEqual([]);
  });

  it('reports a roster account id that does not match, and grades nothing there', () => {
    const wrong = gradesWhere((p) => Boolean(p.wrongAccount));
    expect(wrong).toHaveLength(4);
    for (const grade of wrong) {
      expect(grade.status).toBe('mismatch');
      expect(grade.expectedAccountId).toBe('999999999999');
      expect(grade.verifiedAccountId).toMatch(/^3000000000\d\d$/);
      expect(grade.problem?.reason.en).toContain('999999999999');
      expect(grade.results).toEqual([]);
    }
  });
});
