import { and, count, desc, eq, gt, inArray, lt, max, sql } from 'drizzle-orm';
import { type Database, type OpenOptions, openDatabase } from './database';
import { getDatabase } from './index';
import { instructorSessions, instructors } from './instructor-schema';
import {
  accounts,
  checkRuns,
  enrollments,
  events,
  learners,
  quizAnswers,
  stackOperations,
  stageOverrides,
} from './schema';
import { createStore, type Store } from './store';

export type InstructorRow = typeof instructors.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type EnrollmentRow = typeof enrollments.$inferSelect;

/** What a page may know about the signed-in instructor: never the password hash. */
export interface InstructorIdentity {
  id: string;
  email: string;
}

/** Joins are announced on their own channel: the progress channel carries learner progress only. */
export const ENROLLMENT_CHANNEL = 'scalelab_enrollments';

export class InstructorExistsError extends Error {
  constructor(readonly reason: 'email-taken' | 'setup-closed') {
    super(
      reason === 'email-taken'
        ? 'An instructor with this email already exists.'
        : 'An instructor already exists: first-run setup is closed.',
    );
    this.name = 'InstructorExistsError';
  }
}

export class JoinCodeTakenError extends Error {
  constructor() {
    super('This join code is already used by another event.');
    this.name = 'JoinCodeTakenError';
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

/**
 * The instructor side of the store: instructors, sessions, events, enrollments and the facts a roster is built from.
 * Same Database as the learner store (`createStore`), so both see one set of tables and one LISTEN/NOTIFY.
 */
export function createInstructorStore(database: Database) {
  const { db } = database;

  return {
    async instructorCount(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(instructors);
      return row?.n ?? 0;
    },

    /**
     * Add an instructor. With `onlyIfNone` (the first-run setup page) the insert happens only while the table is
     * empty, under a transaction-scoped advisory lock so two racing setups cannot both succeed.
     */
    async createInstructor(
      input: { email: string; passwordHash: string },
      options: { onlyIfNone?: boolean } = {},
    ): Promise<InstructorIdentity> {
      try {
        return await db.transaction(async (tx) => {
          if (options.onlyIfNone) {
            await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('scalelab.instructor-setup'))`);
            const [row] = await tx.select({ n: count() }).from(instructors);
            if ((row?.n ?? 0) > 0) throw new InstructorExistsError('setup-closed');
          }
          const [created] = await tx
            .insert(instructors)
            .values({ email: input.email.toLowerCase(), passwordHash: input.passwordHash })
            .returning({ id: instructors.id, email: instructors.email });
          if (!created) throw new Error('The instructor was not stored.');
          return created;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new InstructorExistsError('email-taken');
        throw err;
      }
    },

    async instructorByEmail(email: string): Promise<InstructorRow | undefined> {
      const [row] = await db.select().from(instructors).where(eq(instructors.email, email.toLowerCase())).limit(1);
      return row;
    },

    async createSession(session: { id: string; instructorId: string; expiresAt: Date }): Promise<void> {
      await db.delete(instructorSessions).where(lt(instructorSessions.expiresAt, new Date()));
      await db.insert(instructorSessions).values(session);
    },

    /** The instructor holding this session (by token hash), if the session exists and has not expired. */
    async sessionInstructor(id: string): Promise<InstructorIdentity | undefined> {
      const [row] = await db
        .select({ id: instructors.id, email: instructors.email })
        .from(instructorSessions)
        .innerJoin(instructors, eq(instructors.id, instructorSessions.instructorId))
        .where(and(eq(instructorSessions.id, id), gt(instructorSessions.expiresAt, new Date())))
        .limit(1);
      return row;
    },

    async deleteSession(id: string): Promise<void> {
      await db.delete(instructorSessions).where(eq(instructorSessions.id, id));
    },

    async createEvent(input: typeof events.$inferInsert): Promise<EventRow> {
      try {
        const [row] = await db.insert(events).values(input).returning();
        if (!row) throw new Error('The event was not stored.');
        return row;
      } catch (err) {
        if (isUniqueViolation(err)) throw new JoinCodeTakenError();
        throw err;
      }
    },

    /** An instructor's events, newest first, with how many learners joined each. */
    async eventsOf(instructorId: string): Promise<(EventRow & { learners: number })[]> {
      const rows = await db
        .select({ event: events, learners: count(enrollments.learnerId) })
        .from(events)
        .leftJoin(enrollments, eq(enrollments.eventId, events.id))
        .where(eq(events.createdBy, instructorId))
        .groupBy(events.id)
        .orderBy(desc(events.createdAt));
      return rows.map((r) => ({ ...r.event, learners: r.learners }));
    },

    async event(id: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(eq(events.id, id)).limit(1);
      return row;
    },

    async eventByCode(code: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(eq(events.code, code)).limit(1);
      return row;
    },

    /** Mark that the instructor reminded the event's learners to delete their lab stacks. */
    async remindCleanup(eventId: string, at = new Date()): Promise<EventRow | undefined> {
      const [row] = await db.update(events).set({ cleanupRemindedAt: at }).where(eq(events.id, eventId)).returning();
      return row;
    },

    /** Change an event's name, settings, time window or broadcast message (closing it = ending it now). */
    async updateEvent(
      eventId: string,
      patch: Partial<Pick<EventRow, 'name' | 'settings' | 'startsAt' | 'endsAt' | 'broadcastMessage' | 'broadcastAt'>>,
    ): Promise<EventRow | undefined> {
      const [row] = await db.update(events).set(patch).where(eq(events.id, eventId)).returning();
      return row;
    },

    /** How many instructor or learner decisions (unlock, complete, reset) the learner's progress carries. */
    async overrideCount(learnerId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(stageOverrides).where(eq(stageOverrides.learnerId, learnerId));
      return row?.n ?? 0;
    },

    /** Take a learner off an event (their progress stays theirs) and tell live rosters. */
    async unenroll(eventId: string, learnerId: string): Promise<boolean> {
      const rows = await db
        .delete(enrollments)
        .where(and(eq(enrollments.eventId, eventId), eq(enrollments.learnerId, learnerId)))
        .returning({ learnerId: enrollments.learnerId });
      if (rows.length) await database.notify(ENROLLMENT_CHANNEL, JSON.stringify({ eventId, learnerId }));
      return rows.length > 0;
    },

    /** Join (or re-join under a new display name) and tell live rosters. */
    async enroll(input: { eventId: string; learnerId: string; displayName: string }): Promise<void> {
      await db
        .insert(learners)
        .values({ id: input.learnerId, displayName: input.displayName })
        .onConflictDoUpdate({ target: learners.id, set: { displayName: input.displayName, lastSeenAt: sql`now()` } });
      await db
        .insert(enrollments)
        .values(input)
        .onConflictDoUpdate({
          target: [enrollments.eventId, enrollments.learnerId],
          set: { displayName: input.displayName },
        });
      await database.notify(ENROLLMENT_CHANNEL, JSON.stringify({ eventId: input.eventId, learnerId: input.learnerId }));
    },

    async enrollments(eventId: string): Promise<EnrollmentRow[]> {
      return db.select().from(enrollments).where(eq(enrollments.eventId, eventId)).orderBy(enrollments.joinedAt);
    },

    async isEnrolled(eventId: string, learnerId: string): Promise<boolean> {
      const rows = await db
        .select({ id: enrollments.learnerId })
        .from(enrollments)
        .where(and(eq(enrollments.eventId, eventId), eq(enrollments.learnerId, learnerId)))
        .limit(1);
      return rows.length > 0;
    },

    /** The event a learner joined last, if any. */
    async latestEventOf(learnerId: string): Promise<EventRow | undefined> {
      const [row] = await db
        .select({ event: events })
        .from(enrollments)
        .innerJoin(events, eq(events.id, enrollments.eventId))
        .where(eq(enrollments.learnerId, learnerId))
        .orderBy(desc(enrollments.joinedAt))
        .limit(1);
      return row?.event;
    },

    /** Everything a roster shows about these learners, in a handful of queries whatever their number. */
    async rosterFacts(learnerIds: string[]) {
      if (learnerIds.length === 0) {
        return {
          learners: [],
          passedRuns: [],
          overrides: [],
          latestRuns: [],
          latestStacks: [],
          accounts: [],
          quiz: [],
          correctAnswers: [],
        };
      }
      const [learnerRows, passedRuns, overrides, latestRuns, latestStacks, accountRows, quiz, correctAnswers] =
        await Promise.all([
          db.select().from(learners).where(inArray(learners.id, learnerIds)),
          db
            .select({ learnerId: checkRuns.learnerId, stageId: checkRuns.stageId, finishedAt: checkRuns.finishedAt })
            .from(checkRuns)
            .where(
              and(
                inArray(checkRuns.learnerId, learnerIds),
                eq(checkRuns.status, 'finished'),
                eq(checkRuns.allRequiredPassed, true),
              ),
            ),
          db
            .select({
              learnerId: stageOverrides.learnerId,
              stageId: stageOverrides.stageId,
              kind: stageOverrides.kind,
              createdAt: stageOverrides.createdAt,
            })
            .from(stageOverrides)
            .where(inArray(stageOverrides.learnerId, learnerIds)),
          db
            .selectDistinctOn([checkRuns.learnerId, checkRuns.stageId], {
              id: checkRuns.id,
              learnerId: checkRuns.learnerId,
              stageId: checkRuns.stageId,
              status: checkRuns.status,
              results: checkRuns.results,
              error: checkRuns.error,
              startedAt: checkRuns.startedAt,
              finishedAt: checkRuns.finishedAt,
            })
            .from(checkRuns)
            .where(inArray(checkRuns.learnerId, learnerIds))
            .orderBy(checkRuns.learnerId, checkRuns.stageId, desc(checkRuns.startedAt)),
          db
            .selectDistinctOn([stackOperations.learnerId], {
              id: stackOperations.id,
              learnerId: stackOperations.learnerId,
              stageId: stackOperations.stageId,
              operation: stackOperations.operation,
              status: stackOperations.status,
              startedAt: stackOperations.startedAt,
              finishedAt: stackOperations.finishedAt,
            })
            .from(stackOperations)
            .where(inArray(stackOperations.learnerId, learnerIds))
            .orderBy(stackOperations.learnerId, desc(stackOperations.startedAt)),
          db
            .selectDistinctOn([accounts.learnerId], {
              learnerId: accounts.learnerId,
              kind: accounts.kind,
              accountId: accounts.accountId,
            })
            .from(accounts)
            .where(and(inArray(accounts.learnerId, learnerIds), eq(accounts.active, true)))
            .orderBy(accounts.learnerId, desc(accounts.createdAt)),
          db
            .select({ learnerId: quizAnswers.learnerId, at: max(quizAnswers.answeredAt) })
            .from(quizAnswers)
            .where(inArray(quizAnswers.learnerId, learnerIds))
            .groupBy(quizAnswers.learnerId),
          db
            .select({
              learnerId: quizAnswers.learnerId,
              stageId: quizAnswers.stageId,
              questionId: quizAnswers.questionId,
            })
            .from(quizAnswers)
            .where(and(inArray(quizAnswers.learnerId, learnerIds), eq(quizAnswers.correct, true))),
        ]);
      return {
        learners: learnerRows,
        passedRuns,
        overrides,
        latestRuns,
        latestStacks,
        accounts: accountRows,
        quiz,
        correctAnswers,
      };
    },

    /** Joins from every server sharing this database. Returns the unsubscribe function. */
    async subscribeEnrollments(onJoin: (join: { eventId: string; learnerId: string }) => void) {
      return database.listen(ENROLLMENT_CHANNEL, (payload) => {
        try {
          onJoin(JSON.parse(payload) as { eventId: string; learnerId: string });
        } catch {
          // Not ours: ignore.
        }
      });
    },

    close: () => database.close(),
  };
}

export type InstructorStore = ReturnType<typeof createInstructorStore>;
export type RosterFacts = Awaited<ReturnType<InstructorStore['rosterFacts']>>;

/** Learner stores and the instructor store over the same database, so code holding one can reach the other. */
const paired = new WeakMap<Store, InstructorStore>();

/** Both stores over one database of their own (tests, the CLI). The app uses `getInstructorStore()`. */
export async function openInstructorStores(options: OpenOptions = {}) {
  const database = await openDatabase(options);
  const stores = { store: createStore(database), instructors: createInstructorStore(database) };
  paired.set(stores.store, stores.instructors);
  return { ...stores, close: () => database.close() };
}

/**
 * The instructor store over the same database as this learner store: the app's (`getStore()`) or a pair opened by
 * `openInstructorStores`. A store opened on its own (`openStore`) has none: no event can reach its learners.
 */
export async function instructorStoreOf(store: Store): Promise<InstructorStore | undefined> {
  const known = paired.get(store);
  if (known) return known;
  // The app's store, if this process opened it (the same global key lib/progress/index.ts uses); never opens one.
  const app = (globalThis as { [k: symbol]: Promise<Store> | undefined })[Symbol.for('scalelab.store')];
  if (app && (await app.catch(() => undefined)) === store) return getInstructorStore();
  return undefined;
}

const key = Symbol.for('scalelab.instructor-store');
type Holder = { [key]?: { database: Database; store: InstructorStore } };

/** The process's instructor store, over the database the learner store uses (`getDatabase()`). Do not close it. */
export async function getInstructorStore(): Promise<InstructorStore> {
  const database = await getDatabase();
  const holder = globalThis as Holder;
  if (holder[key]?.database !== database) holder[key] = { database, store: createInstructorStore(database) };
  return holder[key].store;
}
