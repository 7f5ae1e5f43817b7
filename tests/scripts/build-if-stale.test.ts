import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS script without types
import { sourcesHash } from '../../scripts/build-if-stale.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stale-'));
  mkdirSync(join(dir, 'labs'), { recursive: true });
  writeFileSync(join(dir, 'labs', 'en.mdx'), '# Stage 00\n');
  writeFileSync(join(dir, 'next.config.js'), 'export default {};\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start rebuilds only when a source changed', () => {
  it('gives the same fingerprint for the same sources', () => {
    expect(sourcesHash(dir)).toBe(sourcesHash(dir));
  });

  it('changes when a lab text changes, a file is added or one is renamed', () => {
    const before = sourcesHash(dir);
    writeFileSync(join(dir, 'labs', 'en.mdx'), '# Stage 00, edited\n');
    const edited = sourcesHash(dir);
    expect(edited).not.toBe(before);
    writeFileSync(join(dir, 'labs', 'ko.mdx'), '# 스테이지 00\n');
    expect(sourcesHash(dir)).not.toBe(edited);
  });

  it('ignores what the build does not read: data, the build itself, tests, typecheck state', () => {
    const before = sourcesHash(dir);
    for (const d of ['.data', '.next', 'tests', 'node_modules']) {
      mkdirSync(join(dir, d));
      writeFileSync(join(dir, d, 'x'), String(Math.random()));
    }
    writeFileSync(join(dir, 'tsconfig.tsbuildinfo'), '{}');
    expect(sourcesHash(dir)).toBe(before);
  });
});
