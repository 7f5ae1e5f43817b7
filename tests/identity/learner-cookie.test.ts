import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSecret, resetSecretCache, signLearnerId, verifyLearnerToken } from '@/lib/identity';

describe('the learner cookie', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scalelab-id-'));
    process.env.SCALELAB_DATA_DIR = dir;
    delete process.env.SCALELAB_SECRET;
    resetSecretCache();
  });
  afterEach(async () => {
    process.env = { ...saved };
    resetSecretCache();
    await rm(dir, { recursive: true, force: true });
  });

  it('verifies a token it signed and returns the learner id', async () => {
    const id = randomUUID();
    expect(await verifyLearnerToken(await signLearnerId(id))).toBe(id);
  });

  it('rejects a token whose id was changed', async () => {
    const token = await signLearnerId(randomUUID());
    const forged = `${randomUUID()}${token.slice(36)}`;
    expect(await verifyLearnerToken(forged)).toBeNull();
  });

  it('rejects garbage', async () => {
    for (const t of ['', 'abc', 'x.y', `${randomUUID()}.`, `${randomUUID()}.!!!`]) {
      expect(await verifyLearnerToken(t)).toBeNull();
    }
  });

  it('generates a secret into the data dir once, readable only by its owner, and keeps it', async () => {
    const first = await getSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect((await stat(join(dir, 'secret'))).mode & 0o777).toBe(0o600);
    resetSecretCache();
    expect(await getSecret()).toBe(first);
    expect((await readFile(join(dir, 'secret'), 'utf8')).trim()).toBe(first);
  });

  it('does not accept tokens signed with another secret', async () => {
    process.env.SCALELAB_SECRET = 'a'.repeat(40);
    resetSecretCache();
    const token = await signLearnerId(randomUUID());
    process.env.SCALELAB_SECRET = 'b'.repeat(40);
    resetSecretCache();
    expect(await verifyLearnerToken(token)).toBeNull();
  });

  it('refuses a short SCALELAB_SECRET with a clear message', async () => {
    process.env.SCALELAB_SECRET = 'short';
    await expect(getSecret()).rejects.toThrow(/at least 32 characters/);
  });
});
