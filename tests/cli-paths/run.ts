import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Runs one stage's CLI path as a learner would in a fresh terminal: one bash process for the whole stage (the blocks
 * share variables within a stage, never across stages), `set -eEuo pipefail` so a failing command or an unset
 * variable stops it, in a working directory where `templates/` and `scripts/` resolve as in a checkout of the repo.
 *
 * The AWS CLI reaches moto through `--endpoint-url`, added to every call by an `aws` shell function defined before the
 * blocks: the machine image's CLI v1 honours AWS_ENDPOINT_URL for some services (ec2) and not for others (it sent
 * `aws rds` to https://rds.amazonaws.com/), while `--endpoint-url` works for every command in v1 and v2. The blocks
 * themselves never name an endpoint.
 */
export interface StageRun {
  code: number;
  stdout: string;
  stderr: string;
}

const repo = resolve(__dirname, '../..');

export function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scalelab-cli-path-'));
  for (const name of ['templates', 'scripts']) symlinkSync(join(repo, name), join(dir, name));
  return dir;
}

export function stageScript(blocks: { text: string; skipped?: string }[]): string {
  const lines = [
    'set -eEuo pipefail',
    `trap 'echo "cli-path: block $__block failed: $BASH_COMMAND" >&2' ERR`,
    'aws() { command aws --endpoint-url "$AWS_ENDPOINT_URL" "$@"; }',
  ];
  blocks.forEach((b, i) => {
    lines.push(`__block=${i + 1}`);
    // A skipped block leaves a quoted no-op, so that a reason with ( ) or ; cannot break the script.
    lines.push(b.skipped ? `: 'skipped block ${i + 1}: ${b.skipped.replace(/'/g, '')}'` : b.text);
  });
  return `${lines.join('\n')}\n`;
}

/** The directory of the real `aws` (past pyenv's shim, which costs a process per call): the same CLI, started faster. */
function awsBinDir(): string | undefined {
  const r = spawnSync('sh', ['-c', 'pyenv which aws 2>/dev/null || command -v aws'], { encoding: 'utf8' });
  const path = r.stdout.trim();
  return r.status === 0 && path ? dirname(path) : undefined;
}

export function runBash(script: string, cwd: string, endpoint: string): Promise<StageRun> {
  const bin = awsBinDir();
  const env: Record<string, string | undefined> = {
    PATH: bin ? `${bin}:${process.env.PATH}` : process.env.PATH,
    HOME: cwd, // no ~/.aws of the machine: only the credentials below
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '2',
    LANG: 'C.UTF-8',
    ...(process.env.PYENV_ROOT ? { PYENV_ROOT: process.env.PYENV_ROOT } : {}),
  };
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-s'], { cwd, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(script);
  });
}
