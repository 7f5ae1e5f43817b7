import type { ApiCallLog } from '@/lib/aws/api-calls';
import { type AwsClients, type CallRequest, createClients } from '@/lib/aws/clients';
import { defaultStackName, type RosterEntry } from '@/lib/grading';
import { awsError, type Fixtures, passingLab } from '../support/aws-fixtures';

export { passingLab };

/** How one fake account behaves. */
export interface FakeAccount {
  fixtures: Fixtures;
  /** Added to every call. */
  latencyMs?: number;
  /** The first `times` calls matching `operation` (any when unset) answer ThrottlingException. */
  throttle?: { operation?: string; times: number };
  /** Calls matching `operation` (any when unset) never answer. */
  hang?: { operation?: string };
  /** Making the clients throws (a broken configuration). */
  brokenClients?: boolean;
}

/** Who called what, and how many accounts had a call in flight at most. */
export class CallTracker {
  readonly calls: (CallRequest & { learner: string })[] = [];
  private readonly active = new Map<string, number>();
  maxAccountsInFlight = 0;

  enter(learner: string, request: CallRequest): void {
    this.calls.push({ ...request, learner });
    this.active.set(learner, (this.active.get(learner) ?? 0) + 1);
    this.maxAccountsInFlight = Math.max(this.maxAccountsInFlight, this.active.size);
  }

  leave(learner: string): void {
    const n = (this.active.get(learner) ?? 1) - 1;
    if (n > 0) this.active.set(learner, n);
    else this.active.delete(learner);
  }

  callsOf(learner: string): string[] {
    return this.calls.filter((c) => c.learner === learner).map((c) => `${c.service}.${c.operation}`);
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `makeClients` for gradeAccounts: each learner's SDK clients answered in-process from its FakeAccount (sandbox
 * accounts, so nothing touches the network), every call recorded by the tracker.
 */
export function fakeClients(accounts: Record<string, FakeAccount>, tracker = new CallTracker()) {
  const throttled = new Map<string, number>();
  const makeClients = (entry: { learner: string; region: string }, log: ApiCallLog): AwsClients => {
    const fake = accounts[entry.learner];
    if (!fake) throw new Error(`No fake account for ${entry.learner}`);
    if (fake.brokenClients) throw new Error('The clients could not be configured.');
    const accountId =
      (fake.fixtures['STS.GetCallerIdentity'] as { Account?: string } | undefined)?.Account ?? '000000000000';
    return createClients(
      { kind: 'sandbox', accountId, regions: [entry.region] },
      {
        region: entry.region,
        log,
        maxAttempts: 1,
        responder: async (request) => {
          const key = `${request.service}.${request.operation}` as keyof Fixtures;
          tracker.enter(entry.learner, request);
          try {
            if (fake.latencyMs) await wait(fake.latencyMs);
            if (fake.hang && (!fake.hang.operation || fake.hang.operation === request.operation)) {
              await new Promise(() => {});
            }
            const t = fake.throttle;
            if (t && (!t.operation || t.operation === request.operation)) {
              const n = throttled.get(entry.learner) ?? 0;
              if (n < t.times) {
                throttled.set(entry.learner, n + 1);
                throw awsError('ThrottlingException', 'Rate exceeded', 400);
              }
            }
            if (!(key in fake.fixtures)) throw new Error(`No fixture for ${key}`);
            const value = fake.fixtures[key];
            if (value instanceof Error) throw value;
            return value;
          } finally {
            tracker.leave(entry.learner);
          }
        },
      },
    );
  };
  return { makeClients, tracker };
}

/** A roster entry as parseRoster makes it. */
export function rosterEntry(learner: string, accountId: string, line = 2): RosterEntry {
  return {
    line,
    learner,
    accountId,
    roleArn: `arn:aws:iam::${accountId}:role/scalelab-grader`,
    externalId: `ext-${learner}`,
    region: 'us-east-1',
    stackName: defaultStackName(learner),
  };
}

/** `n` learners with passing labs in accounts 100000000000, 100000000001, … */
export function classOf(n: number, fake: Partial<FakeAccount> = {}) {
  const entries: RosterEntry[] = [];
  const accounts: Record<string, FakeAccount> = {};
  for (let i = 0; i < n; i++) {
    const learner = `learner-${String(i).padStart(3, '0')}`;
    const accountId = String(100000000000 + i);
    entries.push(rosterEntry(learner, accountId, i + 2));
    accounts[learner] = { fixtures: passingLab(accountId), ...fake };
  }
  return { entries, accounts };
}
