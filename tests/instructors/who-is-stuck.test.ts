import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createEvent, type EventSummary, joinEvent } from '@/lib/events/events';
import { broadcastToEvent, closeEvent, editEvent } from '@/lib/events/manage';
import { createInstructor } from '@/lib/instructors/accounts';
import type { InstructorIdentity } from '@/lib/progress/instructor-store';
import { learnerRunDetails } from '@/lib/roster/drill-down';
import { rosterJson } from '@/lib/roster/export';
import { actOnLearner } from '@/lib/roster/learner-actions';
import { resetOwnStage } from '@/lib/roster/reset-stage';
import { buildRoster, type RosterData } from '@/lib/roster/roster';
import { bulkUnlock, mergeLearners, removeLearner } from '@/lib/roster/roster-admin';
import { engines, type Stores, TEST_COST, uniqueEmail } from './support';

const settings = {
  stages: ['00-one-user', '01-split-database', '03-scale-out'],
  accountModes: ['sandbox'],
  fastForward: false,
  quizzesGate: false,
};

const result = (id: string, status: string, severity = 'required') => ({
  id,
  severity,
  status,
  message: { en: `${id} is ${status}.`, ko: `${id}: ${status}` },
  evidence: [
    { id: 'i-0abc', type: 'AWS::EC2::Instance', values: { State: status === 'pass' ? 'running' : 'stopped' } },
  ],
});

describe.each(engines)('seeing who is stuck, on %s', (_name, open) => {
  let s: Stores;
  let teacher: InstructorIdentity;
  let other: InstructorIdentity;
  let event: EventSummary;
  const ana = randomUUID();
  const bo = randomUUID();
  const cy = randomUUID();
  const outsider = randomUUID();
  const deps = () => ({
    store: s.store,
    instructors: s.instructors,
    rerun: async () => 'run-id',
    fastForward: async () => undefined,
  });

  const data = async (): Promise<RosterData> => {
    const row = await s.instructors.event(event.id);
    if (!row) throw new Error('no event');
    const enrollments = await s.instructors.enrollments(event.id);
    return { event: row, enrollments, facts: await s.instructors.rosterFacts(enrollments.map((e) => e.learnerId)) };
  };
  const rowOf = async (learnerId: string) => buildRoster(await data()).rows.find((r) => r.learnerId === learnerId);

  async function run(learnerId: string, stageId: '00-one-user' | '01-split-database', results: object[]) {
    const started = await s.store.startCheckRun({ learnerId, stageId, accountKind: 'sandbox' });
    return s.store.finishCheckRun(started.id, {
      results,
      apiCalls: [],
      allRequiredPassed: results.every((r) => (r as { status: string }).status === 'pass'),
    });
  }

  beforeAll(async () => {
    s = await open();
    const make = (name: string) =>
      createInstructor(
        s.instructors,
        { email: uniqueEmail(name), password: 'a long enough password' },
        { cost: TEST_COST },
      );
    teacher = await make('teacher');
    other = await make('other');
    event = await createEvent(s.instructors, teacher, { name: 'Stuck day', settings });
    for (const id of [ana, bo, cy, outsider]) await s.store.ensureLearner(id);
    await joinEvent(s.instructors, ana, { code: event.code, displayName: 'Ana' });
    await joinEvent(s.instructors, bo, { code: event.code, displayName: 'Bo' });
    await joinEvent(s.instructors, cy, { code: event.code, displayName: 'Bo (laptop)' });
    await run(ana, '00-one-user', [result('ec2.elastic-ip', 'pass'), result('ec2.web-instance-running', 'pass')]);
    await run(bo, '00-one-user', [
      result('ec2.elastic-ip', 'fail'),
      result('ec2.web-instance-running', 'pass'),
      result('ec2.imdsv2-required', 'fail', 'recommended'),
    ]);
    await run(cy, '00-one-user', [result('ec2.elastic-ip', 'pass'), result('ec2.web-instance-running', 'pass')]);
  });
  afterAll(async () => {
    await s.close();
  });

  it('names each learner’s failing required checks on their current stage, recommended ones left out', async () => {
    const bo00 = await rowOf(bo);
    expect(bo00?.currentStage).toBe('00-one-user');
    expect(bo00?.failingRequired.map((f) => f.id)).toEqual(['ec2.elastic-ip']);
    expect(bo00?.failingRequired[0]?.title?.en).toBeTruthy();
    expect((await rowOf(ana))?.failingRequired).toEqual([]);
  });

  it('times the current stage from the stored runs: Bo since joining, Ana since passing stage 00', async () => {
    const enrollments = await s.instructors.enrollments(event.id);
    const joined = (id: string) => enrollments.find((e) => e.learnerId === id)?.joinedAt.toISOString();
    expect((await rowOf(bo))?.onStageSince).toBe(joined(bo));
    const passed = (await s.store.latestCheckRun(ana, '00-one-user'))?.finishedAt?.toISOString();
    expect((await rowOf(ana))?.currentStage).toBe('01-split-database');
    expect((await rowOf(ana))?.onStageSince).toBe(passed);
  });

  it('drills down to a learner’s last run with the evidence the checks stored, for the event’s instructor only', async () => {
    const res = await learnerRunDetails(deps(), teacher, { eventId: event.id, learnerId: bo, stageId: '00-one-user' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const failing = res.details.run?.results.find((r) => r.id === 'ec2.elastic-ip');
    expect(failing).toMatchObject({ status: 'fail', evidence: [{ id: 'i-0abc', values: { State: 'stopped' } }] });
    expect(res.details.run?.checks['ec2.elastic-ip']?.severity).toBe('required');
    const input = { eventId: event.id, learnerId: bo, stageId: '00-one-user' };
    expect(await learnerRunDetails(deps(), other, input)).toEqual({ ok: false, error: 'not-found' });
    expect(await learnerRunDetails(deps(), teacher, { ...input, learnerId: outsider })).toEqual({
      ok: false,
      error: 'not-found',
    });
  });

  it('unlocks stage N and the enabled stages before it, leaving out what the event does not enable', async () => {
    const res = await actOnLearner(deps(), teacher, {
      eventId: event.id,
      learnerId: bo,
      stageId: '03-scale-out',
      action: 'unlock',
    });
    expect(res).toEqual({ ok: true, unlocked: ['01-split-database', '03-scale-out'] });
    const row = await rowOf(bo);
    expect(row?.stages).toEqual({
      '00-one-user': 'unlocked',
      '01-split-database': 'unlocked',
      '03-scale-out': 'unlocked',
    });
  });

  it('bulk-unlocks a stage for the chosen learners of the event, never for someone outside it', async () => {
    const res = await bulkUnlock(deps(), teacher, {
      eventId: event.id,
      learnerIds: [ana, cy, outsider],
      stageId: '01-split-database',
    });
    expect(res).toEqual({ ok: true, learners: 2 });
    expect((await s.store.stageStatuses(outsider))['01-split-database']).toBe('locked');
    expect(
      await bulkUnlock(deps(), other, { eventId: event.id, learnerIds: [ana], stageId: '01-split-database' }),
    ).toEqual({ ok: false, error: 'not-found' });
    expect(
      await bulkUnlock(deps(), teacher, { eventId: event.id, learnerIds: [], stageId: '01-split-database' }),
    ).toEqual({ ok: false, error: 'invalid' });
  });

  it('resets what it says: the stage’s runs stop counting on the learner’s panel, the roster and the export', async () => {
    expect((await s.store.latestCheckRun(ana, '00-one-user'))?.allRequiredPassed).toBe(true);
    await actOnLearner(deps(), teacher, { eventId: event.id, learnerId: ana, stageId: '00-one-user', action: 'reset' });
    // The learner's check panel reads this: no run left to say "stage 01 is unlocked".
    expect(await s.store.latestCheckRun(ana, '00-one-user')).toBeUndefined();
    const row = await rowOf(ana);
    expect(row?.stages['00-one-user']).toBe('unlocked');
    expect(row?.currentStage).toBe('00-one-user');
    expect(row?.lastRun).toBeNull();
    const json = rosterJson(await data());
    expect(json.learners.find((l) => l.learnerId === ana)?.stages[0]?.lastRun).toBeNull();
    // A run after the reset speaks for the stage again.
    const again = await run(ana, '00-one-user', [result('ec2.elastic-ip', 'fail')]);
    expect((await s.store.latestCheckRun(ana, '00-one-user'))?.id).toBe(again.id);
    expect((await rowOf(ana))?.failingRequired.map((f) => f.id)).toEqual(['ec2.elastic-ip']);
  });

  it('counts the progress decisions on a learner, so an open page can tell it changed', async () => {
    const before = await s.instructors.overrideCount(ana);
    await actOnLearner(deps(), teacher, {
      eventId: event.id,
      learnerId: ana,
      stageId: '01-split-database',
      action: 'unlock',
    });
    expect(await s.instructors.overrideCount(ana)).toBe(before + 1);
    expect(await s.instructors.overrideCount(outsider)).toBe(0);
  });

  it('lets a learner reset only their own stage, validated', async () => {
    expect((await s.store.stageStatuses(cy))['00-one-user']).toBe('completed');
    expect(await resetOwnStage(s.store, cy, { stageId: '00-one-user' })).toEqual({ ok: true });
    expect((await s.store.stageStatuses(cy))['00-one-user']).toBe('unlocked');
    expect(await s.store.latestCheckRun(cy, '00-one-user')).toBeUndefined();
    expect(await resetOwnStage(s.store, cy, { stageId: '99-nope' })).toEqual({ ok: false, error: 'invalid' });
    expect(await resetOwnStage(s.store, null, { stageId: '00-one-user' })).toEqual({ ok: false, error: 'no-learner' });
    expect(await resetOwnStage(s.store, randomUUID(), { stageId: '00-one-user' })).toEqual({
      ok: false,
      error: 'no-learner',
    });
  });

  it('merges a duplicate: the kept learner gets the stages it completed, and the duplicate leaves the event', async () => {
    const dup = randomUUID();
    await s.store.ensureLearner(dup);
    await joinEvent(s.instructors, dup, { code: event.code, displayName: 'Bo again' });
    await run(dup, '00-one-user', [result('ec2.elastic-ip', 'pass')]);
    const res = await mergeLearners(deps(), teacher, { eventId: event.id, keepId: bo, dropId: dup });
    expect(res).toEqual({ ok: true, learners: 1, stages: ['00-one-user'] });
    expect((await rowOf(bo))?.stages['00-one-user']).toBe('completed');
    expect(await rowOf(dup)).toBeUndefined();
    expect(await mergeLearners(deps(), teacher, { eventId: event.id, keepId: bo, dropId: bo })).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(await mergeLearners(deps(), teacher, { eventId: event.id, keepId: bo, dropId: outsider })).toEqual({
      ok: false,
      error: 'not-found',
    });
  });

  it('removes a learner from the event only: their progress stays theirs', async () => {
    const seen: string[] = [];
    const unsubscribe = await s.instructors.subscribeEnrollments((j) => seen.push(j.learnerId));
    expect(await removeLearner(deps(), other, { eventId: event.id, learnerId: cy })).toEqual({
      ok: false,
      error: 'not-found',
    });
    expect(await removeLearner(deps(), teacher, { eventId: event.id, learnerId: cy })).toEqual({
      ok: true,
      learners: 1,
    });
    expect(await rowOf(cy)).toBeUndefined();
    expect(await s.instructors.isEnrolled(event.id, cy)).toBe(false);
    expect((await s.store.stageStatuses(cy))['00-one-user']).toBe('unlocked');
    await expect.poll(() => seen, { timeout: 5000 }).toContain(cy);
    await unsubscribe();
    expect(await removeLearner(deps(), teacher, { eventId: event.id, learnerId: cy })).toEqual({
      ok: false,
      error: 'not-found',
    });
  });

  it('edits an event (same join code), refuses invalid settings, and leaves another instructor’s alone', async () => {
    const edited = await editEvent(s.instructors, teacher, event.id, {
      name: 'Stuck day (afternoon)',
      settings: { ...settings, stages: ['00-one-user', '01-split-database'], fastForward: true },
    });
    expect(edited).toMatchObject({ name: 'Stuck day (afternoon)', code: event.code });
    expect(edited?.settings).toMatchObject({ stages: ['00-one-user', '01-split-database'], fastForward: true });
    await expect(
      editEvent(s.instructors, teacher, event.id, { name: 'x', settings: { ...settings, stages: [] } }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await editEvent(s.instructors, other, event.id, { name: 'Mine now', settings })).toBeUndefined();
    expect((await s.instructors.event(event.id))?.name).toBe('Stuck day (afternoon)');
  });

  it('broadcasts a one-line message to the room and takes it down with an empty one', async () => {
    const at = new Date('2025-03-01T10:00:00Z');
    const res = await broadcastToEvent(
      s.instructors,
      teacher,
      { eventId: event.id, message: '  Break until\n10:30 \u202E' },
      at,
    );
    expect(res).toEqual({ ok: true, broadcast: { message: 'Break until 10:30', at: at.toISOString() } });
    expect(buildRoster(await data()).event.broadcast?.message).toBe('Break until 10:30');
    expect(await broadcastToEvent(s.instructors, teacher, { eventId: event.id, message: 'x'.repeat(281) })).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(await broadcastToEvent(s.instructors, other, { eventId: event.id, message: 'hi' })).toEqual({
      ok: false,
      error: 'not-found',
    });
    expect(await broadcastToEvent(s.instructors, teacher, { eventId: event.id, message: ' ' })).toEqual({
      ok: true,
      broadcast: null,
    });
  });

  it('closes an event: it ends now, and nobody can join it any more', async () => {
    const now = new Date();
    const closed = await closeEvent(s.instructors, teacher, event.id, now);
    expect(closed?.endsAt).toBe(now.toISOString());
    const late = randomUUID();
    await s.store.ensureLearner(late);
    expect(
      await joinEvent(s.instructors, late, { code: event.code, displayName: 'Late' }, new Date(now.getTime() + 1)),
    ).toEqual({ ok: false, error: 'ended' });
    expect(await closeEvent(s.instructors, other, event.id)).toBeUndefined();
  });
  it('builds the roster of a room of 80 learners, each with their failing required checks, in one load', async () => {
    const room = await createEvent(s.instructors, teacher, { name: 'Big room', settings });
    const ids = Array.from({ length: 80 }, () => randomUUID());
    for (const [i, id] of ids.entries()) {
      await s.store.ensureLearner(id);
      await joinEvent(s.instructors, id, { code: room.code, displayName: `Learner ${i + 1}` });
      await run(id, '00-one-user', [
        result('ec2.elastic-ip', i % 2 ? 'fail' : 'pass'),
        result('ec2.web-instance-running', 'pass'),
      ]);
    }
    const row = await s.instructors.event(room.id);
    if (!row) throw new Error('no event');
    const started = performance.now();
    const enrollments = await s.instructors.enrollments(room.id);
    const roster = buildRoster({ event: row, enrollments, facts: await s.instructors.rosterFacts(ids) });
    const ms = performance.now() - started;
    expect(roster.rows).toHaveLength(80);
    const stuckOn00 = roster.rows.filter((r) => r.currentStage === '00-one-user');
    expect(stuckOn00).toHaveLength(40);
    expect(stuckOn00.every((r) => r.failingRequired.map((f) => f.id).join() === 'ec2.elastic-ip')).toBe(true);
    expect(roster.mostFailed[0]).toMatchObject({ checkId: 'ec2.elastic-ip', learners: 40 });
    expect(ms).toBeLessThan(5_000);
  });
});
