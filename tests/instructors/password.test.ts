import { describe, expect, it } from 'vitest';
import { DEFAULT_COST, hashPassword, verifyPassword } from '@/lib/instructors/password';
import { TEST_COST } from './support';

describe('instructor passwords (scrypt)', () => {
  it('verifies the right password and rejects a wrong one, at the production cost', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(new RegExp(`^scrypt\\$${DEFAULT_COST.N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{86}$`));
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
  });

  it('salts every hash, so one password never hashes the same twice', async () => {
    const a = await hashPassword('the same password', TEST_COST);
    const b = await hashPassword('the same password', TEST_COST);
    expect(a).not.toBe(b);
    expect(await verifyPassword('the same password', a)).toBe(true);
    expect(await verifyPassword('the same password', b)).toBe(true);
  });

  it('reads the cost from the stored hash, so raising the default keeps old hashes valid', async () => {
    const old = await hashPassword('an older password', { N: 2048, r: 8, p: 1 });
    expect(old.startsWith('scrypt$2048$8$1$')).toBe(true);
    expect(await verifyPassword('an older password', old)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['a bad cost', 'scrypt$x$8$1$c2FsdA$aGFzaA'],
    ['a truncated key', 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA'],
  ])('never matches a malformed hash (%s)', async (_name, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
