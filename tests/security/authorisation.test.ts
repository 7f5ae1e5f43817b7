import { randomBytes, randomUUID } from 'node:crypto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshServerEnv, type RequestState } from './support';

// What held when the site was attacked, kept holding: who may read and change what. Routes and actions run as Next
// runs them, with the request's cookies mocked.
vi.mock('server-only', () => ({}));
const request = vi.hoisted(() => ({ jar: new Map<string, string>(), headers: new Headers() }) as RequestState);
vi.mock('next/headers', async () => (await import('./support')).mockedHeaders(request));

freshServerEnv('authorisation');

const { LEARNER_COOKIE, learnerCookieOptions, signLearnerId } = await import('@/lib/identity');
const { getStore } = await import('@/lib/progress');
const { getInstructorStore } = await import('@/lib/progress/instructor-store');
const { createInstructor } = await import('@/lib/instructors/accounts');
const { startSession } = await import('@/lib/instructors/session-token');
const { INSTRUCTOR_COOKIE } = await import('@/lib/instructors/session');
const { createEvent } = await import('@/lib/events/events');
const { currentLearnerId } = await import('@/lib/session/current-learner');
const checkRunEvents = await import('@/app/api/check-runs/[id]/events/route');
const stackEvents = await import('@/app/api/stacks/events/route');
const roster = await import('@/app/api/instructor/events/[id]/roster/route');
const exporter = await import('@/app/api/instructor/events/[id]/export/route');
const { rosterAction } = await import('@/components/instructor/actions');
const { RosterTable } = await import('@/components/instructor/roster-table');

const cheap = { cost: { N: 1024, r: 8, p: 1 } };
const settings = { stages: ['00-one-user'], accountModes: ['sandbox'], fastForward: false, quizzesGate: false };
const alice = randomUUID();
const bob = randomUUID();
const tokens = { alice: '', bob: '', me: '', expired: '' };
const events = { mine: '', theirs: '' };
let aliceRun = '';

const as = (who: keyof typeof tokens | 'nobody' | 'forged') => {
  request.jar.clear();
  if (who === 'alice' || who === 'bob') request.jar.set(LEARNER_COOKIE, tokens[who]);
  if (who === 'me' || who === 'expired') request.jar.set(INSTRUCTOR_COOKIE, tokens[who]);
  if (who === 'forged') request.jar.set(INSTRUCTOR_COOKIE, randomBytes(32).toString('base64url'));
};
const call = (handler: typeof roster.GET, id: string, query = '') =>
  handler(new Request(`http://localhost/api/instructor/events/${id}/x${query}`), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  const store = await getStore();
  const instructors = await getInstructorStore();
  tokens.alice = await signLearnerId(alice);
  tokens.bob = await signLearnerId(bob);
  await store.ensureLearner(alice);
  await store.ensureLearner(bob);
  aliceRun = (await store.startCheckRun({ learnerId: alice, stageId: '00-one-user', accountKind: 'sandbox' })).id;
  const me = await createInstructor(instructors, { email: 'me@example.com', password: 'my long password' }, cheap);
  const them = await createInstructor(instructors, { email: 'them@example.com', password: 'their password' }, cheap);
  events.mine = (await createEvent(instructors, me, { name: 'Mine', settings })).id;
  events.theirs = (await createEvent(instructors, them, { name: 'Theirs', settings })).id;
  await instructors.enroll({ eventId: events.theirs, learnerId: alice, displayName: 'Alice' });
  tokens.me = (await startSession(instructors, me.id)).token;
  tokens.expired = (await startSession(instructors, me.id, -1000)).token;
});

describe('learner against learner', () => {
  it('a learner reads their own check run’s stream; another learner gets 404, as if it did not exist', async () => {
    const get = (id: string) =>
      checkRunEvents.GET(new Request('http://localhost/x'), { params: Promise.resolve({ id }) });
    as('alice');
    const own = await get(aliceRun);
    expect(own.status).toBe(200);
    await own.body?.cancel();
    as('bob');
    expect((await get(aliceRun)).status).toBe(404);
    as('nobody');
    expect((await get(aliceRun)).status).toBe(404);
  });

  it('the stack stream has no id to guess: without a learner cookie it is 401', async () => {
    as('nobody');
    expect((await stackEvents.GET(new Request('http://localhost/api/stacks/events'))).status).toBe(401);
  });
});

describe('cookies', () => {
  it('a tampered learner cookie is no learner', async () => {
    request.jar.clear();
    request.jar.set(LEARNER_COOKIE, `${bob}${tokens.alice.slice(alice.length)}`);
    expect(await currentLearnerId()).toBeNull();
    request.jar.set(LEARNER_COOKIE, `${tokens.alice}=`);
    expect(await currentLearnerId()).toBeNull();
  });

  it('the learner cookie is httpOnly and SameSite=Lax', () => {
    expect(learnerCookieOptions).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
  });

  it.each(['nobody', 'alice', 'forged', 'expired'] as const)('the instructor APIs answer 401 to %s', async (who) => {
    as(who);
    expect((await call(roster.GET, events.mine)).status).toBe(401);
    expect((await call(exporter.GET, events.mine, '?format=csv')).status).toBe(401);
  });
});

describe('learner against instructor, instructor against instructor', () => {
  it('a learner cannot call the roster action', async () => {
    as('alice');
    const result = await rosterAction({
      eventId: events.theirs,
      learnerId: alice,
      stageId: '00-one-user',
      action: 'unlock',
    });
    expect(result).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('an instructor cannot read or act on another instructor’s event', async () => {
    as('me');
    expect((await call(roster.GET, events.theirs)).status).toBe(404);
    expect((await call(exporter.GET, events.theirs, '?format=json')).status).toBe(404);
    const result = await rosterAction({
      eventId: events.theirs,
      learnerId: alice,
      stageId: '00-one-user',
      action: 'unlock',
    });
    expect(result).toMatchObject({ ok: false, error: 'not-found' });
  });
});

describe('what reaches the page', () => {
  it('a learner’s display name is text in the roster, never markup', () => {
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const row = {
      learnerId: alice,
      displayName: evil,
      joinedAt: new Date().toISOString(),
      currentStage: '00-one-user' as const,
      stages: {},
      completed: 0,
      lastRun: null,
      failingRequired: [],
      onStageSince: null,
      stack: null,
      account: { kind: 'sandbox', masked: null },
      lastActivity: new Date().toISOString(),
    };
    const html = renderToStaticMarkup(
      createElement(RosterTable, {
        locale: 'en',
        eventId: events.mine,
        stages: ['00-one-user'],
        rows: [row],
        now: Date.now(),
        fastForward: false,
      }),
    );
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('server actions accept no other origin than the site’s own (no serverActions.allowedOrigins)', async () => {
    const path = `${process.cwd()}/next.config.js`;
    const config = ((await import(path)) as { default: { serverActions?: { allowedOrigins?: string[] } } }).default;
    expect(config.serverActions?.allowedOrigins ?? []).toEqual([]);
  });
});
