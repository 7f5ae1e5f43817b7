/**
 * Many learners at once (issue 14): N learners each preview a launch, execute it (the server action's work: execute
 * the change set, record the operation and take its follow job), wait for the stack to settle in the store, then run
 * the stage's checks. Prints p50 / p95 of each action and of the whole operation, for 50 and 80 learners, on PGlite
 * (in memory) and, when DATABASE_URL is set, on PostgreSQL. Sandbox accounts persist through the same store, as on
 * the site.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startStageRun } from '@/lib/checks/run-stage';
import { openStore, type Store } from '@/lib/progress';
import { sandboxPersistenceOf } from '@/lib/progress/sandbox-states';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { recordStackOperation } from '@/lib/stacks/record-operation';

const body = readFileSync('templates/00-one-user/solution.yaml', 'utf8');

function pct(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

async function until(ok: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function room(store: Store, n: number, tag: string) {
  const learners = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const learnerId = randomUUID();
      await store.ensureLearner(learnerId);
      const sandbox = createSandbox({
        accountId: String(200_000_000_000 + Math.floor(Math.random() * 1e9) * 100 + i),
        speed: 0.05,
        persistence: sandboxPersistenceOf(async () => store),
      });
      return {
        learnerId,
        sandbox,
        clients: sandbox.clientsFor('us-east-1', { maxAttempts: 1 }),
        stackName: `scalelab-${i}`,
      };
    }),
  );
  const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const out = await fn();
    return [out, performance.now() - t];
  };
  const previews = await Promise.all(
    learners.map((l) =>
      timed(() => prepareChangeSet({ clients: l.clients, stackName: l.stackName, templateBody: body })),
    ),
  );
  const launches = await Promise.all(
    learners.map(async (l, i) => {
      const t = performance.now();
      const [, action] = await timed(async () => {
        await executeChangeSet(l.clients, l.stackName, previews[i]?.[0].changeSetId ?? '');
        await recordStackOperation({
          store,
          clients: l.clients,
          learnerId: l.learnerId,
          stageId: '00-one-user',
          stackName: l.stackName,
          operation: 'create',
          source: 'bench',
          since: new Date(Date.now() - 1000),
        });
      });
      await until(async () => Boolean((await store.latestStackOperation(l.learnerId))?.finishedAt));
      return { action, whole: performance.now() - t };
    }),
  );
  const runs = await Promise.all(
    learners.map(async (l) => {
      const t = performance.now();
      const { done } = await startStageRun({
        store,
        learnerId: l.learnerId,
        stageId: '00-one-user',
        stackName: l.stackName,
        cooldownMs: 0,
        makeClients: (log) => l.sandbox.clientsFor('us-east-1', { log }),
      });
      const action = performance.now() - t;
      await done;
      return { action, whole: performance.now() - t };
    }),
  );
  await Promise.all(learners.map((l) => l.sandbox.settled()));
  return {
    [`${tag} preview action p50 / p95 ms`]: `${pct(
      previews.map((p) => p[1]),
      50,
    )} / ${pct(
      previews.map((p) => p[1]),
      95,
    )}`,
    [`${tag} launch action p50 / p95 ms`]: `${pct(
      launches.map((x) => x.action),
      50,
    )} / ${pct(
      launches.map((x) => x.action),
      95,
    )}`,
    [`${tag} launch to settled p50 / p95 ms`]: `${pct(
      launches.map((x) => x.whole),
      50,
    )} / ${pct(
      launches.map((x) => x.whole),
      95,
    )}`,
    [`${tag} run-checks action p50 / p95 ms`]: `${pct(
      runs.map((x) => x.action),
      50,
    )} / ${pct(
      runs.map((x) => x.action),
      95,
    )}`,
    [`${tag} check run to done p50 / p95 ms`]: `${pct(
      runs.map((x) => x.whole),
      50,
    )} / ${pct(
      runs.map((x) => x.whole),
      95,
    )}`,
  };
}

export async function benchLaunchLoad(): Promise<Record<string, string>> {
  const engines: [string, () => Promise<Store>][] = [['PGlite', () => openStore({ dir: 'memory://' })]];
  if (process.env.DATABASE_URL) engines.push(['PostgreSQL', () => openStore({ url: process.env.DATABASE_URL })]);
  const figures: Record<string, string> = {};
  for (const [engine, open] of engines) {
    for (const n of [50, 80]) {
      const store = await open();
      try {
        Object.assign(figures, await room(store, n, `${engine} ×${n}`));
      } finally {
        await store.close();
      }
    }
  }
  return figures;
}
