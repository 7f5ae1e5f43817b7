import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerDiagram } from '@/lib/architecture/learner-diagram';
import { createEvent } from '@/lib/events/events';
import { createInstructor } from '@/lib/instructors/accounts';
import type { InstructorIdentity } from '@/lib/progress/instructor-store';
import { openInstructorStores } from '@/lib/progress/instructor-store';
import { type Stores, TEST_COST, uniqueEmail } from '../instructors/support';

const settings = {
  stages: ['00-one-user', '01-split-database'],
  accountModes: ['sandbox'],
  fastForward: false,
  quizzesGate: false,
};

describe('an instructor opens a learner’s live diagram', () => {
  let s: Stores;
  let me: InstructorIdentity;
  let them: InstructorIdentity;
  let mine = '';
  const alice = randomUUID();
  const stranger = randomUUID();
  beforeAll(async () => {
    s = await openInstructorStores({ dir: 'memory://' });
    me = await createInstructor(
      s.instructors,
      { email: uniqueEmail(), password: 'a long password here' },
      { cost: TEST_COST },
    );
    them = await createInstructor(
      s.instructors,
      { email: uniqueEmail(), password: 'a long password too' },
      { cost: TEST_COST },
    );
    mine = (await createEvent(s.instructors, me, { name: 'Mine', settings })).id;
    await s.instructors.enroll({ eventId: mine, learnerId: alice, displayName: 'Alice' });
    await s.store.ensureLearner(stranger);
    for (const stageId of ['00-one-user', '01-split-database'] as const) {
      const run = await s.store.startCheckRun({ learnerId: alice, stageId, accountKind: 'sandbox' });
      await s.store.finishCheckRun(run.id, {
        results: [],
        apiCalls: [],
        allRequiredPassed: false,
        architecture: { version: 1, stage: stageId },
      });
    }
  });
  afterAll(async () => {
    await s.close();
  });
  const deps = () => ({ store: s.store, instructors: s.instructors });

  it('shows the stage of the learner’s latest run, with the stages they ran to switch between', async () => {
    const view = await learnerDiagram(deps(), me, { eventId: mine, learnerId: alice });
    expect(view).toMatchObject({ learnerName: 'Alice', eventName: 'Mine', stageId: '01-split-database' });
    expect(view?.stagesWithRuns).toEqual(['00-one-user', '01-split-database']);
    expect(view?.run?.architecture).toEqual({ version: 1, stage: '01-split-database' });
    const earlier = await learnerDiagram(deps(), me, { eventId: mine, learnerId: alice, stage: '00-one-user' });
    expect(earlier?.run?.architecture).toEqual({ version: 1, stage: '00-one-user' });
  });

  it.each([
    ['another instructor’s event', () => ({ who: them, learnerId: alice })],
    ['a learner not enrolled in the event', () => ({ who: me, learnerId: stranger })],
    ['a learner id that is not a UUID', () => ({ who: me, learnerId: '../../etc' })],
  ])('reveals nothing for %s', async (_, make) => {
    const { who, learnerId } = make();
    expect(await learnerDiagram(deps(), who, { eventId: mine, learnerId })).toBeUndefined();
  });
});
