import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectionHeaders, freshServerEnv, type RequestState, redirectOf } from './support';

// First-run setup and sign-in, run as Next runs them, with the request's cookies and connection mocked.
vi.mock('server-only', () => ({}));
const request = vi.hoisted(() => ({ jar: new Map<string, string>(), headers: new Headers() }) as RequestState);
vi.mock('next/headers', async () => (await import('./support')).mockedHeaders(request));

const dataDir = freshServerEnv('instructor-actions');

const { setupInstructor, loginInstructor } = await import('@/components/instructor/auth-actions');
const { ensureSetupToken } = await import('@/lib/instructors/setup-token');
const { attemptLogin } = await import('@/lib/instructors/guarded-login');
const { createInstructor } = await import('@/lib/instructors/accounts');
const { getInstructorStore } = await import('@/lib/progress/instructor-store');
const { limits, resetLimits } = await import('@/lib/security/limits');
const { INSTRUCTOR_COOKIE } = await import('@/lib/instructors/session');

const fromAfar = () => connectionHeaders('203.0.113.50', '0.0.0.0', { host: 'localhost:3000' });
const fromThisMachine = () => connectionHeaders('127.0.0.1', '127.0.0.1');
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const owner = { email: 'owner@example.com', password: 'the first instructor password' };

afterEach(() => {
  resetLimits();
  request.jar.clear();
});

// In order: setup is open until the first instructor exists.
describe('first-run setup', () => {
  it('is refused from another computer without the setup token, whatever the Host header says', async () => {
    await ensureSetupToken();
    request.headers = fromAfar();
    expect(await setupInstructor('en', {}, form(owner))).toEqual({ error: 'instructor.error.setupToken' });
    expect(await setupInstructor('en', {}, form({ ...owner, setupToken: 'not-the-token-at-all' }))).toEqual({
      error: 'instructor.error.setupToken',
    });
    expect(await (await getInstructorStore()).instructorCount()).toBe(0);
  });

  it('is allowed from another computer with the one-time token, which it then uses up', async () => {
    const token = await ensureSetupToken();
    request.headers = fromAfar();
    expect(await redirectOf(setupInstructor('en', {}, form({ ...owner, setupToken: token })))).toBe('/en/instructor');
    expect(request.jar.has(INSTRUCTOR_COOKIE)).toBe(true);
    expect(existsSync(join(dataDir, 'setup-token'))).toBe(false);
  });

  it('needs no token from this machine (and stays closed once an instructor exists)', async () => {
    request.headers = fromThisMachine();
    const second = { email: 'second@example.com', password: 'another long password' };
    expect(await setupInstructor('en', {}, form(second))).toEqual({ error: 'instructor.error.setupClosed' });
  });

  it('slows down wrong setup tokens per client address', async () => {
    request.headers = fromAfar();
    for (let i = 0; i < 6; i++) await setupInstructor('en', {}, form({ ...owner, setupToken: 'wrong-token-value' }));
    expect(await setupInstructor('en', {}, form({ ...owner, setupToken: 'wrong-token-value' }))).toMatchObject({
      error: 'instructor.error.tooMany',
    });
  });
});

describe('signing in', () => {
  it('slows down an email after five wrong passwords, before hashing, and says how long', async () => {
    request.headers = fromAfar();
    const wrong = form({ email: owner.email, password: 'not the password' });
    for (let i = 0; i < 6; i++)
      expect(await loginInstructor('en', {}, wrong)).toEqual({ error: 'instructor.login.failed' });
    const hashing = vi.spyOn(limits().hashing, 'run');
    const refused = await loginInstructor('en', {}, form(owner));
    expect(refused).toEqual({ error: 'instructor.error.tooMany', seconds: 1 });
    expect(hashing).not.toHaveBeenCalled();
  }, 30_000);

  it('slows down a client address that tried many emails, even with a right password', async () => {
    const store = await getInstructorStore();
    for (let i = 0; i < 21; i++) limits().loginByAddress.fail('203.0.113.50');
    expect(await attemptLogin(store, owner, '203.0.113.50')).toMatchObject({ ok: false, reason: 'wait' });
    expect(await attemptLogin(store, owner, '203.0.113.51')).toMatchObject({ ok: true });
  }, 30_000);

  it('keeps an address’s failures when someone signs in from it', async () => {
    const store = await getInstructorStore();
    const mine = { email: 'mine@example.com', password: 'my own long password' };
    await createInstructor(store, mine, { cost: { N: 1024, r: 8, p: 1 } });
    for (let i = 0; i < 20; i++) limits().loginByAddress.fail('198.51.100.9');
    expect(await attemptLogin(store, mine, '198.51.100.9')).toMatchObject({ ok: true });
    limits().loginByAddress.fail('198.51.100.9');
    expect(await attemptLogin(store, mine, '198.51.100.9')).toMatchObject({ ok: false, reason: 'wait' });
  }, 30_000);

  it('refuses at once, with no hash, when too many sign-ins are already hashing', async () => {
    const store = await getInstructorStore();
    const release: (() => void)[] = [];
    const held = Array.from({ length: 10 }, () =>
      limits().hashing.run(() => new Promise<void>((resolve) => release.push(resolve))),
    );
    await vi.waitFor(() => expect(release).toHaveLength(2));
    expect(await attemptLogin(store, owner, '192.0.2.200')).toMatchObject({ ok: false, reason: 'busy' });
    for (let i = 0; i < 10; i++) {
      await vi.waitFor(() => expect(release.length).toBeGreaterThan(i));
      release[i]?.();
    }
    await Promise.all(held);
  });
});
