import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/progress';
import { memorySeed } from '@/lib/progress/memory-seed';

describe('in-memory stores from a migrated seed', () => {
  it('are separate databases: what one learns, the next one opened does not know', async () => {
    const learnerId = randomUUID();
    const first = await openStore({ dir: 'memory://' });
    await first.ensureLearner(learnerId);
    expect(await first.learnerExists(learnerId)).toBe(true);
    const second = await openStore({ dir: 'memory://' });
    try {
      expect(await second.learnerExists(learnerId)).toBe(false);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  describe('the seed file', () => {
    // A migrations folder of its own, so the seed's key (and file) is this test's.
    const folder = mkdtempSync(join(tmpdir(), 'scalelab-seed-test-'));
    writeFileSync(join(folder, '0000_test.sql'), `-- ${randomUUID()}`);
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('is built once and then read, not built again', async () => {
      let builds = 0;
      const build = async () => {
        builds++;
        return new Blob([`seed ${builds}`]);
      };
      const a = await memorySeed(folder, build);
      const b = await memorySeed(folder, build);
      expect(builds).toBe(1);
      expect(await b.text()).toBe(await a.text());
    });

    it('is rebuilt when asked fresh (a seed that did not load)', async () => {
      const rebuilt = await memorySeed(folder, async () => new Blob(['rebuilt']), { fresh: true });
      expect(await rebuilt.text()).toBe('rebuilt');
      expect(await (await memorySeed(folder, async () => new Blob(['never']))).text()).toBe('rebuilt');
    });

    it('changes with the migrations: a new migration never loads an old seed', async () => {
      const before = await (await memorySeed(folder, async () => new Blob(['old schema']))).text();
      writeFileSync(join(folder, '0001_more.sql'), 'ALTER TABLE x ADD COLUMN y int;');
      const after = await memorySeed(folder, async () => new Blob(['new schema']));
      expect(before).not.toBe('new schema');
      expect(await after.text()).toBe('new schema');
    });
  });
});
