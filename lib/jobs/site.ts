import { CHECK_RUN_JOB } from '@/lib/checks/run-stage';
import { getStore } from '@/lib/progress';
import { backupSettings, scheduleBackups, writeBackup } from '@/lib/progress/backup';
import { StoreOpenError } from '@/lib/progress/database';
import { displayPath, StoreLockedError } from '@/lib/progress/store-lock';
import { STACK_FOLLOW_JOB } from '@/lib/stacks/record-operation';
import { appJobHandlers } from './app-handlers';
import { adoptOrphans } from './orphans';
import { createJobWorker, releaseHeldJobs } from './worker';

/**
 * What the site does once when its server starts (instrumentation.ts): open the store (and say plainly why not),
 * resume or close the jobs a stopped server left behind, keep rolling backups of an embedded store, and close the
 * store cleanly on SIGINT / SIGTERM so the next start finds it whole.
 */
export async function startSite(): Promise<void> {
  let store: Awaited<ReturnType<typeof getStore>>;
  try {
    store = await getStore();
  } catch (err) {
    if (err instanceof StoreLockedError || err instanceof StoreOpenError) {
      console.error(`\nScaleLab cannot start: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const worker = createJobWorker({
    queue: store.jobs,
    handlers: appJobHandlers(store),
    pollMs: Number(process.env.SCALELAB_JOB_POLL_MS ?? 2_000),
    onError: (err, job) => console.error(`job ${job ? `${job.kind} ${job.id}` : 'poll'} failed:`, err.message),
  });
  const orphans = await adoptOrphans(store, {
    kinds: { checkRun: CHECK_RUN_JOB, stackFollow: STACK_FOLLOW_JOB },
  }).catch((err: Error) => {
    console.error('could not look for work left by a stopped server:', err.message);
    return { followed: 0, abandoned: 0 };
  });
  if (orphans.followed || orphans.abandoned)
    console.log(
      `Left by a stopped server: ${orphans.followed} stack operation(s) followed again, ${orphans.abandoned} check run(s) closed.`,
    );
  worker.start();

  const { database } = store;
  const backups = backupSettings();
  const stopBackups = scheduleBackups(database, {
    ...backups,
    onError: (err) => console.error('store backup failed:', reasonOf(err)),
  });
  if (database.embedded) {
    console.log(
      `ScaleLab store: PGlite at ${displayPath(database.embedded.dir)}, backups every ${backups.intervalMs / 60_000} min (keep ${backups.keep}).`,
    );
  }

  let closing: Promise<void> | undefined;
  const shutdown = () => {
    closing ??= (async () => {
      stopBackups();
      await worker.stop(5_000);
      const handedBack = await releaseHeldJobs();
      if (handedBack) console.log(`Handed ${handedBack} running job(s) back to the queue.`);
      if (database.embedded) {
        const file = await writeBackup(database, backups.keep).catch((err: unknown) => {
          console.error('final store backup failed:', reasonOf(err));
          return undefined;
        });
        if (file) console.log(`Store backed up to ${displayPath(file)}.`);
      }
      await store.close();
    })().catch((err: Error) => console.error('closing the store failed:', err.message));
    return closing;
  };
  // Next.js's own handler (next start) closes the HTTP server and then calls process.exit: hold that exit until the
  // store is closed (at most 20 s), so PGlite is never cut off mid-write.
  const exit = process.exit.bind(process);
  const onSignal = () => {
    const done = shutdown();
    process.exit = ((code?: number) => {
      const timeout = new Promise((r) => setTimeout(r, 20_000).unref());
      void Promise.race([done, timeout]).finally(() => exit(code));
    }) as typeof process.exit;
    // Without Next's handler (NEXT_MANUAL_SIG_HANDLE), exit ourselves once closed; with it, give Next five seconds
    // (an open live stream keeps its HTTP server from closing) and then exit anyway: without a store it is no use.
    void done.finally(() => {
      if (process.env.NEXT_MANUAL_SIG_HANDLE) exit(0);
      else setTimeout(() => exit(0), 5_000).unref();
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** What went wrong, also when PGlite throws something that is not an Error (an abort while the process stops). */
function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return err === undefined ? 'the store stopped before the backup was written' : String(err);
}
