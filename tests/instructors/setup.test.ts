import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCreate } from '@/cli/commands/instructor';
import { authenticate, createInstructor, setupIsOpen } from '@/lib/instructors/accounts';
import { openInstructorStores } from '@/lib/progress/instructor-store';
import { TEST_COST } from './support';

describe('first-run setup', () => {
  it('is open on an empty database and lets exactly one of several racing setups through', async () => {
    const s = await openInstructorStores({ dir: 'memory://' });
    try {
      expect(await setupIsOpen(s.instructors)).toBe(true);
      const attempts = await Promise.allSettled(
        ['a', 'b', 'c'].map((n) =>
          createInstructor(
            s.instructors,
            { email: `${n}@example.com`, password: 'a long enough password' },
            { firstOnly: true, cost: TEST_COST },
          ),
        ),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      expect(await s.instructors.instructorCount()).toBe(1);
      expect(await setupIsOpen(s.instructors)).toBe(false);
    } finally {
      await s.close();
    }
  });
});

describe('scalelab instructor create', () => {
  it('creates an instructor from SCALELAB_INSTRUCTOR_PASSWORD, and explains a bad email or short password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scalelab-cli-instructor-'));
    const saved = { data: process.env.SCALELAB_DATA_DIR, url: process.env.DATABASE_URL };
    process.env.SCALELAB_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    try {
      expect(await runCreate('Lead@Example.com', { ...io, password: 'a long enough password' })).toBe(0);
      expect(lines.pop()).toBe('Instructor lead@example.com created. Sign in at /en/instructor/login.');
      expect(await runCreate('lead@example.com', { ...io, password: 'a long enough password' })).toBe(2);
      expect(lines.pop()).toMatch(/already exists/);
      expect(await runCreate('not-an-email', { ...io, password: 'a long enough password' })).toBe(2);
      expect(lines.pop()).toBe('Not a valid email address: not-an-email');
      expect(await runCreate('x@example.com', { ...io, password: 'short' })).toBe(2);
      expect(lines.pop()).toBe('The password needs at least 12 characters.');
      expect(lines.join('\n')).not.toContain('a long enough password');

      const s = await openInstructorStores({ dir: join(dir, 'pglite') });
      expect((await authenticate(s.instructors, 'lead@example.com', 'a long enough password'))?.email).toBe(
        'lead@example.com',
      );
      await s.close();
    } finally {
      process.env.SCALELAB_DATA_DIR = saved.data;
      if (saved.url) process.env.DATABASE_URL = saved.url;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
