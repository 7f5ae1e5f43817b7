import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const { createEvent, joinEvent, remindCleanup } = await import('@/lib/events/events');
const { accountKindAllowed, eventPolicyFor, policyOfEvent, unlockPolicy } = await import('@/lib/events/policy');
const { StageLockedError, startStageRun } = await import('@/lib/checks/run-stage');
const { createInstructor } = await import('@/lib/instructors/accounts');
const { getLab } = await import('@/lib/labs/registry');
const { fixtureClients, passingLab, STACK } = await import('../support/aws-fixtures');
const { engines, TEST_COST, uniqueEmail } = await import('./support');

type Stores = import('./support').Stores;
type InstructorIdentity = import('@/lib/progress/instructor-store').InstructorIdentity;

const settings = (over: Record<string, unknown> = {}) => ({
  stages: ['00-one-user', '01-split-database'],
  accountModes: ['sandbox'],
  fastForward: false,
  quizzesGate: false,
  ...over,
});

describe.each(engines)("an enrolled learner's event policy on %s", (_name, open) => {
  let s: Stores;
  let teacher: InstructorIdentity;
  beforeAll(async () => {
    s = await open();
    teacher = await createInstructor(
      s.instructors,
      { email: uniqueEmail(), password: 'a long enough password' },
      { cost: TEST_COST },
    );
  });
  afterAll(async () => {
    await s.close();
  });

  const enrolled = async (over: Record<string, unknown> = {}) => {
    const event = await createEvent(s.instructors, teacher, { name: 'Policy', settings: settings(over) });
    const learnerId = randomUUID();
    await s.store.ensureLearner(learnerId);
    await joinEvent(s.instructors, learnerId, { code: event.code, displayName: 'Ana' });
    return { event, learnerId };
  };
  const run = (learnerId: string, stageId: '00-one-user' | '01-split-database' | '02-high-availability') =>
    startStageRun({
      store: s.store,
      learnerId,
      stageId,
      stackName: STACK,
      cooldownMs: 0,
      makeClients: (log) => fixtureClients(passingLab('123456789012'), undefined, log),
    });

  it('is null for a learner who joined no event', async () => {
    expect(await eventPolicyFor(randomUUID(), s.instructors)).toBeNull();
  });

  it('is the settings of the event the learner joined last, stages in journey order', async () => {
    const { learnerId } = await enrolled({ stages: ['02-high-availability', '00-one-user'] });
    const { event: later } = await enrolled({ accountModes: ['role'], fastForward: true, quizzesGate: true });
    await joinEvent(s.instructors, learnerId, { code: later.code, displayName: 'Ana again' });
    expect(await eventPolicyFor(learnerId, s.instructors)).toEqual({
      eventId: later.id,
      stagesEnabled: ['00-one-user', '01-split-database'],
      accountModes: ['role'],
      fastForward: true,
      quizzesGate: true,
    });
  });

  it('falls back to the safe defaults when the stored settings do not parse', () => {
    const policy = policyOfEvent({ id: 'e', settings: { stages: 'all' } } as never);
    expect(policy).toMatchObject({ accountModes: ['sandbox'], fastForward: false, quizzesGate: false });
    expect(policy?.stagesEnabled).toHaveLength(7);
  });

  it("lists every stage's quiz questions for the unlock rule only when quizzes gate", () => {
    const base = { eventId: 'e', stagesEnabled: ['00-one-user' as const], accountModes: ['sandbox' as const] };
    expect(unlockPolicy(null)).toEqual({});
    expect(unlockPolicy({ ...base, fastForward: false, quizzesGate: false })).toEqual({
      stagesEnabled: ['00-one-user'],
    });
    const gated = unlockPolicy({ ...base, fastForward: false, quizzesGate: true });
    expect(gated.quizQuestions?.['00-one-user']).toEqual(getLab('00-one-user').quiz.map((q) => q.id));
  });

  it('allows only the account kinds the event allows (any kind without an event)', () => {
    const policy = policyOfEvent({ id: 'e', settings: settings({ accountModes: ['role'] }) } as never);
    expect(accountKindAllowed(policy, 'role')).toBe(true);
    expect(accountKindAllowed(policy, 'sandbox')).toBe(false);
    expect(accountKindAllowed(policy, 'profile')).toBe(false);
    expect(accountKindAllowed(null, 'profile')).toBe(true);
  });

  it('refuses to run the checks of a stage the event does not enable', async () => {
    const { learnerId } = await enrolled();
    await s.store.recordOverride({ learnerId, stageId: '02-high-availability', kind: 'unlock', by: 'i' });
    await expect(run(learnerId, '02-high-availability')).rejects.toBeInstanceOf(StageLockedError);
  });

  it('keeps the next stage locked until the quiz is passed when quizzes gate, decided on the server', async () => {
    const { learnerId } = await enrolled({ quizzesGate: true });
    const { done } = await run(learnerId, '00-one-user');
    expect((await done).allRequiredPassed).toBe(true);
    await expect(run(learnerId, '01-split-database')).rejects.toBeInstanceOf(StageLockedError);
    for (const q of getLab('00-one-user').quiz) {
      await s.store.recordQuizAnswer({
        learnerId,
        stageId: '00-one-user',
        questionId: q.id,
        choiceIds: q.answer,
        correct: true,
      });
    }
    const next = await run(learnerId, '01-split-database');
    await next.done;
  });

  it('records a clean-up reminder for the event’s own instructor only', async () => {
    const { event, learnerId } = await enrolled();
    const other = await createInstructor(
      s.instructors,
      { email: uniqueEmail('other'), password: 'a long enough password' },
      { cost: TEST_COST },
    );
    expect(await remindCleanup(s.instructors, other, event.id)).toBeUndefined();
    expect((await s.instructors.latestEventOf(learnerId))?.cleanupRemindedAt).toBeNull();
    const at = new Date('2026-11-23T16:00:00Z');
    expect((await remindCleanup(s.instructors, teacher, event.id, at))?.cleanupRemindedAt).toBe(at.toISOString());
    expect((await s.instructors.latestEventOf(learnerId))?.cleanupRemindedAt).toEqual(at);
  });
});
