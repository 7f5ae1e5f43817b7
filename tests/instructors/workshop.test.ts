import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, eventForInstructor, joinEvent } from '@/lib/events/events';
import { authenticate, createInstructor, InstructorExistsError, setupIsOpen } from '@/lib/instructors/accounts';
import { instructorForToken, sessionIdOf, startSession } from '@/lib/instructors/session-token';
import type { InstructorIdentity } from '@/lib/progress/instructor-store';
import { engines, type Stores, TEST_COST, uniqueEmail } from './support';

const settings = {
  stages: ['00-one-user', '01-split-database'],
  accountModes: ['sandbox'],
  fastForward: false,
  quizzesGate: false,
  startsAt: null,
  endsAt: null,
};

describe.each(engines)('instructors and events on %s', (_name, open) => {
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

  it('stores the email in lower case and never the password', async () => {
    const email = uniqueEmail('Mixed.Case');
    const created = await createInstructor(s.instructors, { email, password: 'p4ssword-long' }, { cost: TEST_COST });
    expect(created.email).toBe(email.toLowerCase());
    const row = await s.instructors.instructorByEmail(email);
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain('p4ssword-long');
  });

  it('refuses a second instructor with the same email and a short password', async () => {
    const email = uniqueEmail();
    await createInstructor(s.instructors, { email, password: 'first password!' }, { cost: TEST_COST });
    await expect(
      createInstructor(s.instructors, { email: email.toUpperCase(), password: 'other password!' }, { cost: TEST_COST }),
    ).rejects.toMatchObject({ reason: 'email-taken' });
    await expect(
      createInstructor(s.instructors, { email: uniqueEmail(), password: 'short' }, { cost: TEST_COST }),
    ).rejects.toThrow(/password-too-short/);
  });

  it('closes first-run setup once an instructor exists', async () => {
    expect(await setupIsOpen(s.instructors)).toBe(false);
    const attempt = createInstructor(
      s.instructors,
      { email: uniqueEmail('intruder'), password: 'a long enough password' },
      { firstOnly: true, cost: TEST_COST },
    );
    await expect(attempt).rejects.toBeInstanceOf(InstructorExistsError);
    await expect(attempt).rejects.toMatchObject({ reason: 'setup-closed' });
  });

  it('signs in with the right password only, without saying which field was wrong', async () => {
    expect(await authenticate(s.instructors, teacher.email, 'a long enough password')).toEqual(teacher);
    expect(await authenticate(s.instructors, teacher.email.toUpperCase(), 'a long enough password')).toEqual(teacher);
    expect(await authenticate(s.instructors, teacher.email, 'wrong password')).toBeNull();
    expect(await authenticate(s.instructors, uniqueEmail('nobody'), 'a long enough password')).toBeNull();
  }, 20_000);

  it('keeps only the SHA-256 of a session token, and honours expiry and sign-out', async () => {
    const { token } = await startSession(s.instructors, teacher.id);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(await instructorForToken(s.instructors, token)).toEqual(teacher);
    // The stored id is the hash: presenting it as a cookie gets nothing.
    expect(await instructorForToken(s.instructors, sessionIdOf(token))).toBeNull();
    // One character changed (never to the one it already is: that would be the same token).
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await instructorForToken(s.instructors, tampered)).toBeNull();
    await s.instructors.deleteSession(sessionIdOf(token));
    expect(await instructorForToken(s.instructors, token)).toBeNull();

    const expired = await startSession(s.instructors, teacher.id, -1000);
    expect(await instructorForToken(s.instructors, expired.token)).toBeNull();
  });

  it('creates an event with a six-character code, visible to its instructor only', async () => {
    const event = await createEvent(s.instructors, teacher, { name: 'Scaling day', settings });
    expect(event.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(event.settings.stages).toEqual(['00-one-user', '01-split-database']);
    const other = await createInstructor(
      s.instructors,
      { email: uniqueEmail('other'), password: 'a long enough password' },
      { cost: TEST_COST },
    );
    expect((await eventForInstructor(s.instructors, teacher, event.id))?.id).toBe(event.id);
    expect(await eventForInstructor(s.instructors, other, event.id)).toBeUndefined();
    expect(await eventForInstructor(s.instructors, teacher, 'not-a-uuid')).toBeUndefined();
    expect((await s.instructors.eventsOf(other.id)).map((e) => e.id)).not.toContain(event.id);
    await expect(createEvent(s.instructors, teacher, { name: '', settings })).rejects.toThrow();
  });

  it('enrols a learner who joins with the code and a display name, and re-joining renames them', async () => {
    const event = await createEvent(s.instructors, teacher, { name: 'Join test', settings });
    const learnerId = randomUUID();
    await s.store.ensureLearner(learnerId);
    const joins: unknown[] = [];
    const unsubscribe = await s.instructors.subscribeEnrollments((j) => {
      if (j.eventId === event.id) joins.push(j);
    });
    const joined = await joinEvent(s.instructors, learnerId, { code: event.code.toLowerCase(), displayName: ' Ana ' });
    expect(joined).toMatchObject({ ok: true, event: { id: event.id } });
    await joinEvent(s.instructors, learnerId, { code: event.code, displayName: 'Ana K.' });
    const enrolled = await s.instructors.enrollments(event.id);
    expect(enrolled.map((e) => [e.learnerId, e.displayName])).toEqual([[learnerId, 'Ana K.']]);
    expect((await s.instructors.latestEventOf(learnerId))?.id).toBe(event.id);
    await expect.poll(() => joins.length, { timeout: 5000 }).toBe(2);
    await unsubscribe();
  });

  it.each([
    [{ code: 'ZZZZZZ', displayName: 'Bo' }, 'unknown-code'],
    [{ code: 'nope', displayName: 'Bo' }, 'invalid'],
    [{ code: 'ZZZZZZ', displayName: '   ' }, 'name'],
    [{ code: 'ZZZZZZ', displayName: 'x'.repeat(61) }, 'name'],
    [{ code: 42, displayName: 'Bo' }, 'invalid'],
  ])('refuses to join with %j (%s)', async (input, error) => {
    expect(await joinEvent(s.instructors, randomUUID(), input)).toEqual({ ok: false, error });
  });

  it('refuses to join an event that has ended', async () => {
    const past = { ...settings, startsAt: new Date('2020-01-01'), endsAt: new Date('2020-01-02') };
    const event = await createEvent(s.instructors, teacher, { name: 'Over', settings: past });
    const learnerId = randomUUID();
    await s.store.ensureLearner(learnerId);
    expect(await joinEvent(s.instructors, learnerId, { code: event.code, displayName: 'Late' })).toEqual({
      ok: false,
      error: 'ended',
    });
  });
});
