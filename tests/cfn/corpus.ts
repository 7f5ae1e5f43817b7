/** The fixture corpus under tests/fixtures/cfn: each broken YAML template states its expected diagnostics in `# expect:` lines. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cfn');

export function fixtureFiles(folder: 'valid' | 'invalid' | 'lab'): string[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(FIXTURES, folder, f));
}

export function readFixture(file: string): string {
  return readFileSync(file, 'utf8');
}

/** `# expect: 10:19 error ref-unknown` → '10:19 error ref-unknown'. */
export function expectations(text: string): string[] {
  return [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => (m[1] ?? '').trim());
}
