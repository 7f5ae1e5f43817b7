import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { labs } from '@/lib/labs/registry';

describe('the check registry', () => {
  it('has unique ids of the form <service>.<what>', () => {
    const ids = allChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+\.[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('puts every check in the stage whose metadata lists it', () => {
    for (const check of allChecks) {
      const lab = labs.find((l) => l.id === check.stage);
      expect(lab?.checks, `${check.id} → ${check.stage}`).toContain(check.id);
    }
  });

  it('has every check of a complete stage', () => {
    const known = new Set(allChecks.map((c) => c.id));
    for (const lab of labs.filter((l) => l.status === 'complete')) {
      for (const id of lab.checks) expect(known.has(id), `${lab.id}: ${id}`).toBe(true);
    }
  });

  it('declares what each check reads, so a run can start every describe at once', () => {
    for (const c of allChecks) expect(c.reads?.length, c.id).toBeGreaterThan(0);
  });

  it('states title, why and hint in both languages', () => {
    for (const c of allChecks) {
      for (const text of [c.title, c.why, c.hint]) {
        expect(text.en.length, c.id).toBeGreaterThan(10);
        expect(text.ko.length, c.id).toBeGreaterThan(5);
      }
    }
  });
});
