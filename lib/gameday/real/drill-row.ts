import { and, desc, eq, sql } from 'drizzle-orm';
import type { Localized } from '@/lib/i18n/locales';
import type { StageId } from '@/lib/labs/types';
import type { Database } from '@/lib/progress/database';
import { jobs } from '@/lib/progress/schema';
import type { DrillEvent, DrillId, DrillTick, DrillVerdict } from '../types';
import type { FaultPlan, LiftRecord } from './faults';
import type { LabSummary } from './topology';

export const GAMEDAY_JOB = 'gameday-drill';

/**
 * A real drill, as its job row keeps it (`jobs.payload`): what it is, what it broke and lifted, and the series so far.
 * The job's key is the learner's id, so the open-job index allows one running drill per learner across servers.
 */
export interface DrillRecord {
  learnerId: string;
  stageId: StageId;
  drill: DrillId;
  stackName: string;
  region: string;
  url: string;
  seconds: number;
  /** Wall-clock milliseconds of one drill second (1000 on a real account). */
  secondMs: number;
  startedAt: string;
  plan: FaultPlan;
  lab: LabSummary;
  /** When the injection was started (drill second), and whether its calls returned. */
  injectedAt?: number;
  injected?: boolean;
  injectError?: string;
  liftedAt?: number;
  lift?: LiftRecord;
  liftError?: string;
  ticks: DrillTick[];
  events: DrillEvent[];
  verdict?: DrillVerdict;
  /** Set by anyone (the Stop button, on any server): the server running the drill ends it and lifts the failure. */
  stopRequested?: boolean;
  outcome?: 'finished' | 'stopped' | 'interrupted' | 'failed';
  error?: Localized;
}

/**
 * Write part of the record, only while this worker holds the job (`locked_by`, state running), as a JSONB merge so a
 * stop request written meanwhile by another server stays. Returns whether a stop was requested, or `lost` when the
 * job is no longer this worker's.
 */
export async function writeDrill(
  database: Database,
  jobId: string,
  workerId: string,
  patch: Partial<DrillRecord>,
): Promise<{ lost: boolean; stop: boolean }> {
  const rows = await database.db
    .update(jobs)
    .set({ payload: sql`${jobs.payload} || ${JSON.stringify(patch)}::jsonb` })
    .where(and(eq(jobs.id, jobId), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running')))
    .returning({ stop: sql<string | null>`${jobs.payload}->>'stopRequested'` });
  const row = rows[0];
  return { lost: !row, stop: row?.stop === 'true' };
}

/** Ask the drill of a learner to stop, whichever server runs it. */
export async function requestStop(database: Database, learnerId: string): Promise<boolean> {
  const rows = await database.db
    .update(jobs)
    .set({ payload: sql`${jobs.payload} || '{"stopRequested": true}'::jsonb` })
    .where(and(eq(jobs.kind, GAMEDAY_JOB), eq(jobs.key, learnerId), sql`${jobs.state} in ('queued', 'running')`))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export interface DrillJobView {
  id: string;
  state: string;
  record: DrillRecord;
}

const view = (row: typeof jobs.$inferSelect): DrillJobView => ({
  id: row.id,
  state: row.state,
  record: row.payload as unknown as DrillRecord,
});

export async function drillJob(database: Database, jobId: string): Promise<DrillJobView | undefined> {
  const [row] = await database.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.kind, GAMEDAY_JOB)))
    .limit(1);
  return row && view(row);
}

/** The learner's latest real drill (running or ended), for the panel to follow again after a reload. */
export async function latestDrillJob(database: Database, learnerId: string): Promise<DrillJobView | undefined> {
  const [row] = await database.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, GAMEDAY_JOB), eq(jobs.key, learnerId)))
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  return row && view(row);
}
