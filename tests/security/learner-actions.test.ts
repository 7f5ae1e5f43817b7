import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectionHeaders, freshServerEnv, mockedHeaders, type RequestState, redirectOf } from './support';

// The learner-facing server actions, run as Next runs them, with the request's cookies and connection mocked.
vi.mock('server-only', () => ({}));
const request = vi.hoisted(() => ({ jar: new Map<string, string>(), headers: new Headers() }) as RequestState);
vi.mock('next/headers', async () => (await import('./support')).mockedHeaders(request));
void mockedHeaders;

freshServerEnv('learner-actions');

const { LEARNER_COOKIE, signLearnerId } = await import('@/lib/identity');
const { getStore } = await import('@/lib/progress');
const { getInstructorStore } = await import('@/lib/progress/instructor-store');
const { createInstructor } = await import('@/lib/instructors/accounts');
const { createEvent } = await import('@/lib/events/events');
const { DEPLOYS_PER_MINUTE, limits, resetLimits } = await import('@/lib/security/limits');
const { lintTemplate } = await import('@/components/editor/actions');
const { connectAccount } = await import('@/components/account/actions');
const { previewLaunch } = await import('@/components/stacks/actions');
const { joinAction } = await import('@/app/[locale]/join/actions');

const bomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'Resources:',
  '  R:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      Tags: *i',
].join('\n');

let code = '';
let eventId = '';

async function asLearner(id = randomUUID(), headers = connectionHeaders('192.0.2.10', '0.0.0.0')) {
  request.jar.clear();
  request.jar.set(LEARNER_COOKIE, await signLearnerId(id));
  request.headers = headers;
  return id;
}

const joinForm = (values: { code: string; displayName: string }) => {
  const form = new FormData();
  form.set('code', values.code);
  form.set('displayName', values.displayName);
  return form;
};

beforeAll(async () => {
  const instructors = await getInstructorStore();
  const me = await createInstructor(
    instructors,
    { email: `${randomUUID().slice(0, 8)}@example.com`, password: 'a long enough password' },
    { cost: { N: 1024, r: 8, p: 1 } },
  );
  const settings = { stages: ['00-one-user'], accountModes: ['sandbox'], fastForward: false, quizzesGate: false };
  const event = await createEvent(instructors, me, { name: 'Workshop', settings });
  code = event.code;
  eventId = event.id;
});
afterEach(() => {
  resetLimits();
  vi.restoreAllMocks();
});

describe('the editor’s lint action', () => {
  it('needs a learner session', async () => {
    request.jar.clear();
    request.headers = connectionHeaders('192.0.2.10', '0.0.0.0');
    expect(await lintTemplate({ body: 'Resources: {}\n' })).toEqual({
      ok: false,
      message: 'No learner session. Reload the page.',
    });
  });

  it('answers a billion-laughs template with the alias diagnostic', async () => {
    await asLearner();
    const result = await lintTemplate({ body: bomb });
    expect(result.ok && result.diagnostics.map((d) => [d.rule, d.line])).toEqual([['yaml-alias-expansion', 5]]);
  }, 2_000);

  it('is rate-limited per learner', async () => {
    await asLearner();
    for (let i = 0; i < 60; i++) expect((await lintTemplate({ body: 'Resources: {}\n' })).ok).toBe(true);
    const refused = await lintTemplate({ body: 'Resources: {}\n' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/^Too many checks of the template/);
  });

  it('is rate-limited per client address, whatever learner cookie comes with it', async () => {
    for (let i = 0; i < 1200; i++) limits().lintByAddress.take('192.0.2.77');
    await asLearner(randomUUID(), connectionHeaders('192.0.2.77', '0.0.0.0'));
    expect((await lintTemplate({ body: 'Resources: {}\n' })).ok).toBe(false);
  });
});

describe('launching', () => {
  it('is rate-limited per learner before anything is sent to AWS', async () => {
    const learnerId = await asLearner();
    for (let i = 0; i < DEPLOYS_PER_MINUTE; i++) limits().deploy.take(learnerId);
    const result = await previewLaunch({ stageId: '00-one-user' });
    expect(result).toMatchObject({ ok: false, code: 'throttled' });
  });

  it('turns a failed database read into a plain message with an error id, the details into the log', async () => {
    await asLearner();
    const store = await getStore();
    const sql = 'Failed query: select "id", "learner_id" from "accounts" where "accounts"."learner_id" = $1';
    vi.spyOn(store, 'activeAccount').mockRejectedValue(new Error(sql));
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await previewLaunch({ stageId: '00-one-user' });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).not.toMatch(/select|accounts|learner_id|\$1|at .*\.ts/);
    const id = /error ([0-9a-f]{8})/.exec(message)?.[1];
    expect(id).toBeDefined();
    expect(log.mock.calls.flat().join(' ')).toContain(`[error ${id}]`);
    expect(log.mock.calls.flat().join(' ')).toContain(sql);
  });
});

describe('the machine’s own AWS credentials', () => {
  it('are refused on an exposed server even when the Host header says localhost', async () => {
    await asLearner(randomUUID(), connectionHeaders('192.0.2.10', '0.0.0.0', { host: 'localhost:3000' }));
    const result = await connectAccount({ kind: 'profile', region: 'us-east-1' });
    expect(result).toEqual({
      ok: false,
      message:
        'This server is open to the network, so the credentials of the machine it runs on need SCALELAB_ALLOW_LOCAL_CREDENTIALS=1 on the server.',
    });
  });

  it('are refused when the loopback connection came through a proxy', async () => {
    await asLearner(randomUUID(), connectionHeaders('127.0.0.1', '127.0.0.1', { host: 'localhost' }, true));
    expect((await connectAccount({ kind: 'profile', region: 'us-east-1' })).ok).toBe(false);
  });
});

describe('joining an event', () => {
  it('slows down wrong codes per learner', async () => {
    await asLearner();
    for (let i = 0; i < 6; i++) {
      expect(await joinAction('en', {}, joinForm({ code: 'ZZZZZZ', displayName: 'Guess' }))).toMatchObject({
        error: 'join.error.unknownCode',
      });
    }
    const refused = await joinAction('en', {}, joinForm({ code, displayName: 'Guess' }));
    expect(refused).toMatchObject({ error: 'join.error.tooMany' });
    expect(refused.seconds).toBeGreaterThan(0);
  });

  it('slows down wrong codes per client address, across fresh learner cookies', async () => {
    const from = connectionHeaders('198.51.100.4', '0.0.0.0');
    for (let i = 0; i < 21; i++) {
      await asLearner(randomUUID(), from);
      await joinAction('en', {}, joinForm({ code: 'ZZZZZZ', displayName: 'Guess' }));
    }
    await asLearner(randomUUID(), from);
    expect(await joinAction('en', {}, joinForm({ code, displayName: 'Guess' }))).toMatchObject({
      error: 'join.error.tooMany',
    });
  });

  it('keeps a display name without bidi overrides or zero-width characters', async () => {
    const learnerId = await asLearner();
    const name = 'Eve\u202Egnp.exe\u200B\u2066 Kim\u2069';
    expect(await redirectOf(joinAction('en', {}, joinForm({ code, displayName: name })))).toBe('/en');
    const roster = await (await getInstructorStore()).enrollments(eventId);
    expect(roster.find((e) => e.learnerId === learnerId)?.displayName).toBe('Evegnp.exe Kim');
  });

  it('answers a failed database write with a plain message', async () => {
    await asLearner();
    const instructors = await getInstructorStore();
    vi.spyOn(instructors, 'enroll').mockRejectedValue(new Error('insert into "enrollments" violates foreign key'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await joinAction('en', {}, joinForm({ code, displayName: 'Ann' }))).toMatchObject({
      error: 'join.error.failed',
    });
  });
});
