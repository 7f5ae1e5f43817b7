import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The store's schema. One definition for PGlite and PostgreSQL; migrations in ./migrations are generated from it
 * (`npm run db:generate`) and applied on start. Credentials are never stored here: a role account keeps its ARN and
 * ExternalId, the platform assumes the role when it needs to.
 */

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const learners = pgTable('learners', {
  id: uuid('id').primaryKey(),
  displayName: text('display_name'),
  createdAt: created(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An instructor-led workshop: learners join with its code. */
export const events = pgTable('events', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Stages enabled, account modes allowed, fast-forward and quiz gating: validated by zod where it is written. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  startsAt: timestamp('starts_at', { withTimezone: true }),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  createdBy: text('created_by'),
  createdAt: created(),
  /** When the instructor last reminded the room to delete their lab stacks (learners see a banner after it). */
  cleanupRemindedAt: timestamp('cleanup_reminded_at', { withTimezone: true }),
  /** A short message the instructor broadcast to the room (learners see it as a banner), and when. */
  broadcastMessage: text('broadcast_message'),
  broadcastAt: timestamp('broadcast_at', { withTimezone: true }),
});

export const enrollments = pgTable(
  'enrollments',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.learnerId] })],
);

/** The AWS account a learner works in. `sandbox` and `profile` have no secrets; `role` keeps ARN + ExternalId only. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['sandbox', 'profile', 'role'] }).notNull(),
    /** The 12-digit account id verified with STS GetCallerIdentity (null until verified). */
    accountId: text('account_id'),
    roleArn: text('role_arn'),
    externalId: text('external_id'),
    profile: text('profile'),
    region: text('region').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: created(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [index('accounts_learner_idx').on(t.learnerId)],
);

/** Instructor decisions that override the unlock rule, kept as an audit trail. */
export const stageOverrides = pgTable(
  'stage_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    stageId: text('stage_id').notNull(),
    /** unlock: the stage opens; complete: counts as passed (opens the next); reset: earlier runs no longer count. */
    kind: text('kind', { enum: ['unlock', 'complete', 'reset'] }).notNull(),
    by: text('by').notNull(),
    reason: text('reason'),
    createdAt: created(),
  },
  (t) => [index('stage_overrides_learner_idx').on(t.learnerId, t.stageId)],
);

export const quizAnswers = pgTable(
  'quiz_answers',
  {
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    stageId: text('stage_id').notNull(),
    questionId: text('question_id').notNull(),
    choiceIds: jsonb('choice_ids').$type<string[]>().notNull(),
    correct: boolean('correct').notNull(),
    attempts: integer('attempts').notNull().default(1),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.stageId, t.questionId] })],
);

/** One run of a stage's checks: results (with evidence) and the AWS API calls it made, as JSON. */
export const checkRuns = pgTable(
  'check_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    stageId: text('stage_id').notNull(),
    accountKind: text('account_kind').notNull(),
    accountId: text('account_id'),
    status: text('status', { enum: ['running', 'finished', 'failed'] })
      .notNull()
      .default('running'),
    results: jsonb('results').$type<unknown[]>().notNull().default([]),
    apiCalls: jsonb('api_calls').$type<unknown[]>().notNull().default([]),
    /** What the run's Inventory saw deployed, for the live diagram (lib/architecture; null before it finished). */
    architecture: jsonb('architecture').$type<unknown>(),
    /** Set when the run finished: true only when every required check passed (an `error` never counts as a pass). */
    allRequiredPassed: boolean('all_required_passed').notNull().default(false),
    error: text('error'),
    /** The same error explained in Korean, for Korean pages (exports keep `error`). */
    errorKo: text('error_ko'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('check_runs_learner_stage_idx').on(t.learnerId, t.stageId, t.startedAt),
    // One run at a time per learner, enforced by the database so it holds across several servers.
    uniqueIndex('check_runs_one_running_idx').on(t.learnerId).where(sql`status = 'running'`),
  ],
);

/** Create / update / delete of a learner's lab stack, with its change set and final status. */
export const stackOperations = pgTable(
  'stack_operations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id, { onDelete: 'cascade' }),
    stageId: text('stage_id'),
    accountId: text('account_id'),
    region: text('region').notNull(),
    /**
     * Stage 06 runs the lab stack in two regions: the pair's second region, the learner's choice on the stack card,
     * on both stacks' operations (`region` says which of the two this one is). Null for a one-region stage.
     */
    secondRegion: text('second_region'),
    stackName: text('stack_name').notNull(),
    operation: text('operation', { enum: ['create', 'update', 'delete'] }).notNull(),
    source: text('source').notNull(),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    changeSet: jsonb('change_set').$type<unknown>(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('stack_operations_learner_idx').on(t.learnerId, t.startedAt)],
);

/** The sandbox cloud's state per sandbox account, so a sandbox survives a server restart. */
export const sandboxStates = pgTable('sandbox_states', {
  accountId: text('account_id').primaryKey(),
  state: jsonb('state').$type<unknown>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * Long work (a check run, following a stack operation, grading) as a row any server can pick up: the queue of
 * graphile-worker and pg-boss reduced to what ScaleLab needs (lib/jobs). `key` ties the job to the row it works on
 * (the check run, the stack operation); the worker holding it renews `heartbeat_at`, and a job whose heartbeat has
 * stopped is taken over by another worker (`FOR UPDATE SKIP LOCKED`) or closed as abandoned.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state', { enum: ['queued', 'running', 'done', 'failed', 'abandoned'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: created(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_pick_idx').on(t.state, t.runAt),
    // One open job per piece of work, across every server.
    uniqueIndex('jobs_open_key_idx').on(t.kind, t.key).where(sql`state in ('queued', 'running')`),
  ],
);
