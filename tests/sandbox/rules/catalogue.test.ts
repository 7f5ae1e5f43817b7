import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedTypes } from '@/lib/sandbox';
import { API_LIMITS, RULES } from '@/lib/sandbox/rules';

const tests = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.test.ts') && f !== 'catalogue.test.ts')
  .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
  .join('\n');

describe('the service-rule catalogue', () => {
  it('gives every rule a unique id, a sentence, its AWS guide section and a type the sandbox deploys', () => {
    const ids = [...RULES.map((r) => r.id), ...API_LIMITS.map((l) => l.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+\.[a-z0-9-]+$/);
      expect(r.says.length).toBeGreaterThan(10);
      expect(r.source.title).toMatch(/^(Amazon|AWS|Elastic Load Balancing)/);
      expect(r.source.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      for (const t of r.types)
        if (t !== 'AWS::ElastiCache::GlobalReplicationGroup') expect(supportedTypes()).toContain(t);
    }
  });

  it.each([...RULES.map((r) => r.id), ...API_LIMITS.map((l) => l.id)])('has a test that names %s', (id) => {
    expect(tests).toContain(`'${id}'`);
  });
});
