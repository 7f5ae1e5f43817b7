import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerAccount } from '@/lib/accounts/learner-account';
import type { Account } from '@/lib/aws/account';
import type { ApiCallLog } from '@/lib/aws/api-calls';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import { startStageRun } from '@/lib/checks/run-stage';
import { gradeAccounts, parseRoster } from '@/lib/grading';
import { openStore, type Store } from '@/lib/progress';
import { createSandbox, type Sandbox } from '@/lib/sandbox';
import { currentStack, executeChangeSet } from '@/lib/stacks/change-sets';
import { awaitDeletion, deleteStack, followStack } from '@/lib/stacks/follow';
import { isPairTemplate, sandboxDomain, zoneStackName } from '@/lib/stacks/pair';
import { planPairDeletion, previewPair } from '@/lib/stacks/pair-launch';
import { recordStackOperation } from '@/lib/stacks/record-operation';
import { findSurvivors } from '@/lib/stacks/survivors';

/**
 * Stage 06's pair as the stack card runs it (lib/stacks/pair-launch.ts), in a sandbox account with a second region
 * the learner chose (us-east-2, not the default us-west-2): the secondary first, the primary given its outputs, the
 * checks reading the region kept with the stack operations, grading taking it from the roster, and the clean-up
 * deleting the primary, then the secondary.
 */
const STAGE = '06-go-global' as const;
const PRIMARY = 'us-east-1';
const SECOND = 'us-east-2';
const STACK = 'scalelab-pair0001';
const body = readFileSync(`templates/${STAGE}/solution.yaml`, 'utf8');
const tags = { 'scalelab:stage': STAGE };

let sandbox: Sandbox;
let store: Store;
let learnerId: string;
const clientsIn = (regions: string[], log?: ApiCallLog): AwsClients =>
  createClients({ ...sandbox.account, regions } as Account, {
    region: regions[0] ?? PRIMARY,
    responder: sandbox.responder,
    fetch: sandbox.dataPlane.fetch,
    ...(log ? { log } : {}),
  });
let primary: AwsClients;
const events: Record<string, string[]> = {};

async function run(clients: AwsClients, changeSetId: string) {
  await executeChangeSet(clients, STACK, changeSetId);
  events[clients.region] ??= [];
  const seen = events[clients.region] ?? [];
  return followStack(clients, STACK, new Date(0), (p) => seen.push(...p.events.map((e) => e.LogicalResourceId ?? '')), {
    intervalMs: 5,
  });
}

beforeAll(async () => {
  sandbox = createSandbox({ accountId: '135724681357' });
  store = await openStore({ dir: 'memory://' });
  learnerId = randomUUID();
  await store.ensureLearner(learnerId);
  primary = clientsIn([PRIMARY, SECOND]);
});
afterAll(async () => {
  await store.close();
});

describe('stage 06 on the stack card: a pair of regions', () => {
  it('deploys the secondary in the chosen second region first, from the same staged template', async () => {
    const preview = await previewPair({
      primary,
      secondRegion: SECOND,
      stackName: STACK,
      templateBody: body,
      tags,
      target: 'secondary',
    });
    expect(preview).toMatchObject({ region: SECOND, target: 'secondary', type: 'CREATE' });
    // Over 51,200 bytes: staged in the second region's own staging bucket.
    expect(preview.staged?.bucket).toBe(`scalelab-staging-${sandbox.accountId}-${SECOND}`);
    // The primary-only parts are not in the secondary's change set.
    expect(preview.changes.map((c) => c.logicalId)).not.toContain('GlobalTable');
    const done = await run(primary.forRegion(SECOND), preview.changeSetId);
    expect(done.status).toBe('CREATE_COMPLETE');
    await recordStackOperation({
      store,
      clients: primary.forRegion(SECOND),
      learnerId,
      stageId: STAGE,
      stackName: STACK,
      operation: 'create',
      source: 'solution.yaml',
      since: new Date(0),
      secondRegion: SECOND,
    }).then((r) => r.done);
  });

  it('refuses the primary before its secondary exists elsewhere, and then gives it the secondary’s outputs', async () => {
    await expect(
      previewPair({
        primary,
        secondRegion: 'us-west-2',
        stackName: STACK,
        templateBody: body,
        tags,
        target: 'primary',
      }),
    ).rejects.toMatchObject({ code: 'secondary-missing' });

    // The card asks for the secondary again: nothing changes there, so the primary's change set comes.
    const preview = await previewPair({
      primary,
      secondRegion: SECOND,
      stackName: STACK,
      templateBody: body,
      tags,
      target: 'secondary',
    });
    expect(preview).toMatchObject({ region: PRIMARY, target: 'primary', secondaryUnchanged: true });
    expect(preview.changes.map((c) => c.logicalId)).toEqual(
      expect.arrayContaining([
        'GlobalTable',
        'AuroraCluster',
        'ReplicationRole',
        'PrimaryHealthCheck',
        'SecondaryRecord',
      ]),
    );
    expect((await run(primary, preview.changeSetId)).status).toBe('CREATE_COMPLETE');

    const [east, west] = await Promise.all([
      currentStack(primary, STACK),
      currentStack(primary.forRegion(SECOND), STACK),
    ]);
    const param = (key: string) => east?.Parameters?.find((p) => p.ParameterKey === key)?.ParameterValue;
    const output = (key: string) => west?.Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
    expect(param('Role')).toBe('primary');
    expect(param('SecondRegion')).toBe(SECOND);
    expect(param('SecondaryAlbDnsName')).toBe(output('AlbDnsName'));
    expect(param('ReplicaBucketArn')).toBe(output('StaticBucketArn'));
    // The sandbox's hosted zone, made for the failover records in a stack of its own.
    const zone = await currentStack(primary, zoneStackName(STACK));
    expect(param('HostedZoneId')).toBe(zone?.Outputs?.[0]?.OutputValue?.replace('/hostedzone/', ''));
    expect(param('DomainName')).toBe(sandboxDomain(STACK));
    // Events of both stacks, each from its own region.
    expect(events[SECOND]).toContain('Alb');
    expect(events[PRIMARY]).toEqual(expect.arrayContaining(['GlobalTable', 'AuroraCluster']));
    await recordStackOperation({
      store,
      clients: primary,
      learnerId,
      stageId: STAGE,
      stackName: STACK,
      operation: 'create',
      source: 'solution.yaml',
      since: new Date(0),
      secondRegion: SECOND,
    }).then((r) => r.done);
  });

  it('keeps the second region with the stack record: the account, and so the check run, read both regions', async () => {
    const account = await learnerAccount(store, learnerId);
    expect(account.regions).toEqual([PRIMARY, SECOND]);
    const { done } = await startStageRun({
      store,
      learnerId,
      stageId: STAGE,
      stackName: STACK,
      allowLocked: true,
      cooldownMs: 0,
      makeClients: (log) => clientsIn(account.regions, log),
    });
    const run = await done;
    const status = Object.fromEntries((run.results as { id: string; status: string }[]).map((r) => [r.id, r.status]));
    expect(status).toMatchObject({
      'cloudformation.second-region': 'pass',
      'dynamodb.global-table': 'pass',
      'route53.failover-routing': 'pass',
      's3.cross-region-replication': 'pass',
    });
    expect(run.allRequiredPassed).toBe(true);
  });

  it('grades both regions from the roster: second_region, else the default (where no secondary runs)', async () => {
    const role = `arn:aws:iam::${sandbox.accountId}:role/scalelab-grader`;
    const entries = parseRoster(
      `learner,account_id,role_arn,external_id,second_region,stack\n` +
        `ana,${sandbox.accountId},${role},ana-ext,${SECOND},${STACK}\n` +
        `bo,${sandbox.accountId},${role},bo-ext,,${STACK}\n`,
    );
    const graded = await gradeAccounts({
      entries,
      stage: STAGE,
      concurrency: 1,
      makeClients: (entry, log) => clientsIn([entry.region, entry.secondRegion ?? ''], log),
    });
    const verdict = (learner: string) =>
      graded.accounts.find((a) => a.learner === learner)?.results.find((r) => r.id === 'cloudformation.second-region');
    expect(graded.accounts.map((a) => [a.learner, a.secondRegion])).toEqual([
      ['ana', SECOND],
      ['bo', 'us-west-2'],
    ]);
    expect(verdict('ana')?.status).toBe('pass');
    expect(verdict('bo')?.status).toBe('fail');
  });

  it('deletes the primary first, then the secondary (and the sandbox zone); nothing tagged survives in either', async () => {
    const plan = await planPairDeletion(primary, SECOND, STACK);
    expect(plan.first?.region).toBe(PRIMARY);
    expect(plan.after).toEqual([
      { region: SECOND, stackName: STACK },
      { region: PRIMARY, stackName: zoneStackName(STACK) },
    ]);
    const since = new Date(Date.now() - 1000);
    await deleteStack(primary, STACK);
    const { done } = await recordStackOperation({
      store,
      clients: primary,
      learnerId,
      stageId: STAGE,
      stackName: STACK,
      operation: 'delete',
      source: 'delete',
      since,
      secondRegion: SECOND,
      thenDelete: plan.after,
    });
    await done;
    await awaitDeletion(primary.forRegion(SECOND), STACK, { intervalMs: 5, timeoutMs: 10_000 });
    await expect
      .poll(async () => (await store.latestStackOperation(learnerId))?.status, { timeout: 20_000, interval: 50 })
      .toBe('DELETE_COMPLETE');
    const latest = await store.latestStackOperation(learnerId);
    expect(latest).toMatchObject({ region: SECOND, secondRegion: SECOND, operation: 'delete' });
    for (const c of [primary, primary.forRegion(SECOND)]) {
      expect(await currentStack(c, STACK)).toBeUndefined();
      expect(await findSurvivors(c, STACK)).toEqual([]);
    }
    expect(await currentStack(primary, zoneStackName(STACK))).toBeUndefined();
    // Chosen once, kept after the clean-up: the next launch (and the checks) use the same second region.
    expect((await learnerAccount(store, learnerId)).regions).toEqual([PRIMARY, SECOND]);
  });

  it('takes only a template that declares Role as a pair: the start template deploys in the lab region alone', () => {
    expect(isPairTemplate(body)).toBe(true);
    expect(isPairTemplate(readFileSync(`templates/${STAGE}/start.yaml`, 'utf8'))).toBe(false);
  });
});
