import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Route handlers, pages and server actions run here as Next runs them, with the request's cookies mocked.
vi.mock('server-only', () => ({}));
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (o: string | { name: string }) => void jar.delete(typeof o === 'string' ? o : o.name),
  }),
  headers: async () => new Headers({ host: 'localhost:3000' }),
}));

const dataDir = mkdtempSync(join(tmpdir(), 'scalelab-instructor-access-'));
process.env.SCALELAB_DATA_DIR = dataDir;
process.env.SCALELAB_SECRET = randomBytes(32).toString('hex');

const { LEARNER_COOKIE, signLearnerId } = await import('@/lib/identity');
const { getStore } = await import('@/lib/progress');
const { getInstructorStore } = await import('@/lib/progress/instructor-store');
const { createInstructor } = await import('@/lib/instructors/accounts');
const { startSession } = await import('@/lib/instructors/session-token');
const { INSTRUCTOR_COOKIE } = await import('@/lib/instructors/session');
const { createEvent } = await import('@/lib/events/events');
const roster = await import('@/app/api/instructor/events/[id]/roster/route');
const exporter = await import('@/app/api/instructor/events/[id]/export/route');
const { TEST_COST, uniqueEmail } = await import('./support');

type Ids = { mine: string; theirs: string; code: string };
const ids = {} as Ids;
let myToken = '';
let myEmail = '';
let learnerToken = '';
const learnerId = randomUUID();

const settings = { stages: ['00-one-user'], accountModes: ['sandbox'], fastForward: false, quizzesGate: false };
const call = (handler: typeof roster.GET, id: string, query = '') =>
  handler(new Request(`http://localhost/api/instructor/events/${id}/x${query}`), { params: Promise.resolve({ id }) });
const as = (who: 'nobody' | 'learner' | 'instructor' | 'forged') => {
  jar.clear();
  if (who === 'learner' || who === 'instructor') jar.set(LEARNER_COOKIE, learnerToken);
  if (who === 'instructor') jar.set(INSTRUCTOR_COOKIE, myToken);
  if (who === 'forged') jar.set(INSTRUCTOR_COOKIE, randomBytes(32).toString('base64url'));
};
const redirectOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: { digest?: string }) => err.digest ?? String(err),
  );

beforeAll(async () => {
  const instructors = await getInstructorStore();
  myEmail = uniqueEmail('me');
  const me = await createInstructor(
    instructors,
    { email: myEmail, password: 'my long password' },
    {
      cost: TEST_COST,
    },
  );
  const them = await createInstructor(
    instructors,
    { email: uniqueEmail('them'), password: 'their long password' },
    {
      cost: TEST_COST,
    },
  );
  const mine = await createEvent(instructors, me, { name: 'Mine', settings });
  ids.mine = mine.id;
  ids.code = mine.code;
  ids.theirs = (await createEvent(instructors, them, { name: 'Theirs', settings })).id;
  myToken = (await startSession(instructors, me.id)).token;
  learnerToken = await signLearnerId(learnerId);
  await (await getStore()).ensureLearner(learnerId);
});
afterAll(async () => {
  await (await getStore()).close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('instructor APIs keep learners out', () => {
  it.each(['nobody', 'learner', 'forged'] as const)(
    'answer 401 to %s for the roster stream and both exports',
    async (who) => {
      as(who);
      expect((await call(roster.GET, ids.mine)).status).toBe(401);
      expect((await call(exporter.GET, ids.mine, '?format=csv')).status).toBe(401);
      expect((await call(exporter.GET, ids.mine, '?format=json')).status).toBe(401);
    },
  );

  it('answer 404 to an instructor for another instructor’s event, an unknown or a malformed id', async () => {
    as('instructor');
    for (const id of [ids.theirs, randomUUID(), 'not-an-id']) {
      expect((await call(roster.GET, id)).status).toBe(404);
      expect((await call(exporter.GET, id, '?format=json')).status).toBe(404);
    }
  });

  it('export the instructor’s own event as CSV or JSON, and nothing else', async () => {
    as('instructor');
    const csv = await call(exporter.GET, ids.mine, '?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="scalelab-[A-Z2-9]{6}-/);
    const json = await call(exporter.GET, ids.mine, '?format=json');
    expect(((await json.json()) as { event: { id: string } }).event.id).toBe(ids.mine);
    expect((await call(exporter.GET, ids.mine, '?format=xml')).status).toBe(400);
  });

  it('stream the roster, and send it again when a learner joins', async () => {
    as('instructor');
    const controller = new AbortController();
    const res = await roster.GET(new Request('http://localhost/x', { signal: controller.signal }), {
      params: Promise.resolve({ id: ids.mine }),
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const next = async () => new TextDecoder().decode((await reader.read()).value);
    expect(JSON.parse((await next()).replace(/^data: /, '')).rows).toEqual([]);

    const { joinAction } = await import('@/app/[locale]/join/actions');
    as('learner');
    const form = new FormData();
    form.set('code', ids.code);
    form.set('displayName', 'Dana');
    expect(await redirectOf(joinAction('en', {}, form))).toContain(';/en;');
    const update = JSON.parse((await next()).replace(/^data: /, ''));
    expect(update.rows.map((r: { displayName: string }) => r.displayName)).toEqual(['Dana']);
    controller.abort();
  });
});

describe('instructor pages and actions keep learners out', () => {
  it('redirect a learner from every instructor page to the sign-in page', async () => {
    as('learner');
    const pages = [
      [await import('@/app/[locale]/instructor/page'), { locale: 'en' }],
      [await import('@/app/[locale]/instructor/events/new/page'), { locale: 'en' }],
      [await import('@/app/[locale]/instructor/events/[id]/page'), { locale: 'en', id: ids.mine }],
    ] as const;
    for (const [page, params] of pages) {
      const render = page.default as (p: { params: Promise<typeof params> }) => Promise<unknown>;
      expect(await redirectOf(render({ params: Promise.resolve(params) }))).toMatch(/\/en\/instructor\/login;/);
    }
  });

  it('show another instructor’s event as not found', async () => {
    as('instructor');
    const page = await import('@/app/[locale]/instructor/events/[id]/page');
    expect(await redirectOf(page.default({ params: Promise.resolve({ locale: 'en', id: ids.theirs }) }))).toMatch(
      /404/,
    );
  });

  it('refuse roster actions and event creation without an instructor session', async () => {
    as('learner');
    const { rosterAction } = await import('@/components/instructor/actions');
    const res = await rosterAction({ eventId: ids.mine, learnerId, stageId: '00-one-user', action: 'reset' });
    expect(res).toEqual({ ok: false, error: 'not-found' });
    const { createEventAction } = await import('@/components/instructor/event-actions');
    const form = new FormData();
    form.set('name', 'Sneaky');
    expect(await redirectOf(createEventAction('en', {}, form))).toMatch(/\/en\/instructor\/login;/);
    expect((await (await getInstructorStore()).eventsOf('00000000-0000-4000-8000-000000000000')).length).toBe(0);
  });

  it('close first-run setup once an instructor exists', async () => {
    as('learner');
    const { setupInstructor } = await import('@/components/instructor/auth-actions');
    const form = new FormData();
    form.set('email', uniqueEmail('late'));
    form.set('password', 'a long enough password');
    expect(await setupInstructor('en', {}, form)).toEqual({ error: 'instructor.error.setupClosed' });
    expect(jar.has(INSTRUCTOR_COOKIE)).toBe(false);
  });

  it('sign in with the right password only, setting a session cookie', async () => {
    as('nobody');
    const { loginInstructor } = await import('@/components/instructor/auth-actions');
    const form = new FormData();
    form.set('email', 'nobody@example.com');
    form.set('password', 'whatever password');
    expect(await loginInstructor('en', {}, form)).toEqual({ error: 'instructor.login.failed' });
    form.set('email', myEmail);
    expect(await loginInstructor('en', {}, form)).toEqual({ error: 'instructor.login.failed' });
    expect(jar.has(INSTRUCTOR_COOKIE)).toBe(false);

    form.set('password', 'my long password');
    expect(await redirectOf(loginInstructor('en', {}, form))).toMatch(/;\/en\/instructor;/);
    const token = jar.get(INSTRUCTOR_COOKIE);
    expect(token).toMatch(/^[\w-]{43}$/);
    const { currentInstructor } = await import('@/lib/instructors/session');
    expect((await currentInstructor())?.email).toBe(myEmail);

    const { logoutInstructor } = await import('@/components/instructor/auth-actions');
    expect(await redirectOf(logoutInstructor('en'))).toMatch(/\/en\/instructor\/login;/);
    jar.set(INSTRUCTOR_COOKIE, token ?? '');
    expect(await currentInstructor()).toBeNull();
  });
});
