import { readFileSync } from 'node:fs';
import {
  type CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  ListStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@/lib/progress';
import { sandboxPersistenceOf } from '@/lib/progress/sandbox-states';
import { createStore } from '@/lib/progress/store';
import { createSandbox, newAccountId, type Sandbox } from '@/lib/sandbox';
import { storeEngines } from '../support/store-engines';

const vpc = (cidr: string) =>
  `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: ${cidr}\n`;

/**
 * Two servers over one store, each with its own copy of a learner's sandbox account in memory (as two `next start`
 * servers behind a load balancer without sticky sessions). On PostgreSQL they have a connection pool each; on PGlite
 * (one owner process, whose copies normally skip the version read) two stores over the one database stand for them,
 * their copies reading the version as on a shared PostgreSQL.
 */
describe.each(storeEngines)('one sandbox account served by two servers on %s', (name, open) => {
  let storeA: Store;
  let storeB: Store;
  beforeAll(async () => {
    storeA = await open();
    storeB = name === 'PGlite' ? createStore(storeA.database) : await open();
  });
  afterAll(async () => {
    if (storeB !== storeA) await storeB.close();
    await storeA.close();
  });

  const servers = (speed = 0) => {
    const accountId = newAccountId();
    const server = (store: Store): Sandbox =>
      createSandbox({ accountId, speed, persistence: sandboxPersistenceOf(async () => store, { shared: true }) });
    return { accountId, a: server(storeA), b: server(storeB) };
  };
  const cfn = (sandbox: Sandbox): CloudFormationClient =>
    sandbox.clientsFor('us-east-1', { maxAttempts: 1 }).cloudformation;
  const liveStacks = async (sandbox: Sandbox) =>
    ((await cfn(sandbox).send(new ListStacksCommand({}))).StackSummaries ?? [])
      .filter((s) => s.StackStatus !== 'DELETE_COMPLETE')
      .map((s) => s.StackName)
      .sort();

  it('loses nothing when the two servers take turns changing the account', async () => {
    const { a, b } = servers();
    for (let i = 0; i < 6; i++) {
      const server = i % 2 === 0 ? a : b;
      await cfn(server).send(new CreateStackCommand({ StackName: `turn-${i}`, TemplateBody: vpc(`10.${i}.0.0/16`) }));
      // The other server sees the change at once: it checks the stored version before it answers.
      const other = server === a ? b : a;
      expect(await liveStacks(other)).toContain(`turn-${i}`);
    }
    const all = ['turn-0', 'turn-1', 'turn-2', 'turn-3', 'turn-4', 'turn-5'];
    expect(await liveStacks(a)).toEqual(all);
    expect(await liveStacks(b)).toEqual(all);
  });

  it('loses nothing when both servers change the account at the same moment (compare-and-set, then again)', async () => {
    const { accountId, a, b } = servers();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        cfn(i % 2 ? b : a).send(
          new CreateStackCommand({ StackName: `both-${i}`, TemplateBody: vpc(`10.${10 + i}.0.0/16`) }),
        ),
      ),
    );
    const all = Array.from({ length: 8 }, (_, i) => `both-${i}`).sort();
    expect(await liveStacks(a)).toEqual(all);
    expect(await liveStacks(b)).toEqual(all);
    // The stored state holds every stack too (a third server, or a restart, finds them).
    const stored = (await storeA.loadSandboxState(accountId))?.state as {
      regions: Record<string, { stacks: { stackName: string }[] }>;
    };
    expect(stored.regions['us-east-1']?.stacks.map((s) => s.stackName).sort()).toEqual(all);
  });

  it('shows a stack launched on one server progressing on the other, and the end written by the first keeps the other’s change', async () => {
    const { accountId, a, b } = servers(0.01);
    const body = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
    await cfn(a).send(new CreateStackCommand({ StackName: 'lab', TemplateBody: body }));
    const status = async (server: Sandbox) =>
      (await cfn(server).send(new DescribeStacksCommand({ StackName: 'lab' }))).Stacks?.[0]?.StackStatus;
    expect(await status(b)).toBe('CREATE_IN_PROGRESS');
    // Server B changes the account while A's stack plays; A stores the stack's end afterwards.
    await cfn(b).send(new CreateStackCommand({ StackName: 'side', TemplateBody: vpc('10.99.0.0/16') }));
    await a.settled();
    expect(await status(b)).toBe('CREATE_COMPLETE');
    expect(await liveStacks(a)).toEqual(['lab', 'side']);
    const fresh = createSandbox({ accountId, persistence: sandboxPersistenceOf(async () => storeB) });
    expect(await liveStacks(fresh)).toEqual(['lab', 'side']);
    expect(await status(fresh)).toBe('CREATE_COMPLETE');
    // Both servers name the stack's events alike (ids fixed when the operation was planned).
    const events = async (server: Sandbox) =>
      (await server.clientsFor('us-east-1').cloudformation.send(new DescribeStacksCommand({ StackName: 'lab' })))
        .Stacks?.[0]?.StackId;
    expect(await events(a)).toBe(await events(b));
    const ids = (server: Sandbox) =>
      server
        .snapshot()
        .regions['us-east-1']?.stacks.find((s) => s.stackName === 'lab')
        ?.events.map((e) => e.EventId);
    expect(ids(a)).toEqual(ids(b));
  });

  it.runIf(name === 'PGlite')(
    'reads the version once on an embedded store, whose one owner process keeps the only copy',
    async () => {
      const persistence = sandboxPersistenceOf(async () => storeA);
      let versionReads = 0;
      const sandbox = createSandbox({
        accountId: newAccountId(),
        persistence: {
          ...persistence,
          version: (id) => {
            versionReads++;
            return persistence.version(id);
          },
        },
      });
      await cfn(sandbox).send(new CreateStackCommand({ StackName: 'alone', TemplateBody: vpc('10.7.0.0/16') }));
      for (let i = 0; i < 5; i++) expect(await liveStacks(sandbox)).toEqual(['alone']);
      expect(versionReads).toBe(1);
    },
  );
});
