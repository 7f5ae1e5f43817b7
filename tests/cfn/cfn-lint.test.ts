/**
 * Cross-check with AWS's own linter: every fixture cfn-lint rejects with an error, our validator rejects too, and every
 * template cfn-lint accepts, ours accepts. Runs only where cfn-lint is installed.
 */
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, parseTemplate, type Spec, validateWithSpec } from '@/lib/cfn';
import { fixtureFiles, readFixture } from './corpus';

/** Where we are stricter on purpose: cfn-lint falls back to its YAML reader, which takes a trailing comma in JSON. */
const STRICTER = ['malformed.json'];
const installed = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;

/** Files cfn-lint reports at least one error (E rule) for. */
function lintErrors(files: string[]): Set<string> {
  const run = spawnSync('cfn-lint', ['--format', 'parseable', '--', ...files], { encoding: 'utf8' });
  const failed = new Set<string>();
  for (const line of run.stdout.split('\n')) {
    const [file, , , , , rule] = line.split(':');
    if (file && rule?.startsWith('E')) failed.add(file);
  }
  return failed;
}

describe.skipIf(!installed)('agreement with cfn-lint', () => {
  let spec: Spec;
  beforeAll(async () => {
    spec = await loadSpec();
  });
  const files = [...fixtureFiles('valid'), ...fixtureFiles('invalid'), ...fixtureFiles('lab')];

  it('rejects every fixture cfn-lint rejects, and accepts every fixture cfn-lint accepts', () => {
    const theirs = lintErrors(files);
    const ours = new Set(
      files.filter((f) =>
        validateWithSpec(parseTemplate(readFixture(f), basename(f)), spec).some((d) => d.severity === 'error'),
      ),
    );
    const agree = files.filter((f) => theirs.has(f) === ours.has(f)).length;
    console.log(`cfn-lint agreement: ${agree}/${files.length} fixtures (${theirs.size} rejected by cfn-lint)`);
    expect([...theirs].filter((f) => !ours.has(f)).map((f) => basename(f))).toEqual([]);
    expect([...ours].filter((f) => !theirs.has(f)).map((f) => basename(f))).toEqual(STRICTER);
  }, 120_000);
});
