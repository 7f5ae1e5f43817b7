import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCheck } from '@/cli/commands/check';
import { type CommandIo, runGrade } from '@/cli/commands/grade';
import { buildProgram } from '@/cli/main';
import { classOf, fakeClients, passingLab } from './support';

const dir = mkdtempSync(join(tmpdir(), 'scalelab-grade-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const HEADER = 'learner,account_id,role_arn,external_id';
const row = (learner: string, account: string) =>
  `${learner},${account},arn:aws:iam::${account}:role/scalelab-grader,${learner}-ext`;

function captureIo(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** Run `scalelab <args>` through the real program (commander, auto-loaded commands) and catch its stderr. */
async function scalelab(...args: string[]) {
  const err: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const program = await buildProgram();
    await program.parseAsync(['node', 'scalelab', ...args]);
    return { code: process.exitCode, stderr: err.join('') };
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('scalelab grade: bad input exits 2 with a message, before any AWS call', () => {
  it('names the row of a malformed roster', async () => {
    const roster = file(
      'bad.csv',
      `${HEADER}\n${row('alice', '111111111111')}\nbob,12345,arn:aws:iam::123456789012:role/g,bob-ext\n`,
    );
    const { code, stderr } = await scalelab('grade', '--roster', roster, '--stage', '00');
    expect(code).toBe(2);
    expect(stderr).toBe(`${roster}:3: account_id "12345" is not a 12-digit AWS account id\n`);
  });

  it('rejects an unknown stage', async () => {
    const roster = file('ok.csv', `${HEADER}\n${row('alice', '111111111111')}\n`);
    const { code, stderr } = await scalelab('grade', '--roster', roster, '--stage', '09');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Unknown stage "09": use one of 00-one-user, 01-split-database, /);
  });

  it.each([
    [['--stage', '00'], 'Name the roster: --roster roster.csv'],
    [['--roster', 'missing.csv', '--stage', '00'], 'Cannot read the roster missing.csv'],
    [['--stage', '00', '--concurrency', '0'], '--concurrency must be a whole number from 1 to 1000, not "0".'],
    [['--stage', '00', '--format', 'xml'], 'Unknown --format "xml": use text, csv, json, junit.'],
    [['--stage', '00', '--timeout', 'soon'], '--timeout must be a number above 0, not "soon".'],
  ])('exits 2 on %j', async (args, message) => {
    const roster = file('ok.csv', `${HEADER}\n${row('alice', '111111111111')}\n`);
    const withRoster = args.includes('--roster') || message.startsWith('Name') ? args : ['--roster', roster, ...args];
    const { code, stderr } = await scalelab('grade', ...withRoster);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('scalelab grade: a run that grades exits 0, whatever the learners scored', () => {
  it('writes the report to stdout, and a progress line on a terminal', async () => {
    const roster = file(
      'class.csv',
      `${HEADER}\n${row('learner-000', '100000000000')}\n${row('learner-001', '100000000001')}\n${row('learner-002', '100000000002')}\n`,
    );
    const { accounts } = classOf(3);
    accounts['learner-001']!.fixtures = { ...passingLab('100000000001'), 'EC2.DescribeAddresses': { Addresses: [] } };
    accounts['learner-002']!.fixtures = passingLab('999999999999');
    const { makeClients } = fakeClients(accounts);
    const { io, out, err } = captureIo(true);
    const code = await runGrade({ roster, stage: '00', format: 'junit' }, io, { makeClients });
    expect(code).toBe(0);
    expect(out()).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="scalelab 00-one-user" tests="13" failures="1" errors="1"/,
    );
    expect(err()).toContain('\r\u001b[2K[########################] 3/3  graded 2 · mismatch 1 · error 0');
    expect(err().endsWith('\n')).toBe(true);
  });

  it('writes --out and says so on stderr; no progress bar when stderr is not a terminal', async () => {
    const roster = file(
      'two.csv',
      `${HEADER}\n${row('learner-000', '100000000000')}\n${row('learner-001', '100000000001')}\n`,
    );
    const { accounts } = classOf(2);
    const { makeClients } = fakeClients(accounts);
    const { io, out, err } = captureIo(false);
    const out2 = join(dir, 'grades.csv');
    const code = await runGrade({ roster, stage: '00-one-user', format: 'csv', out: out2 }, io, { makeClients });
    expect(code).toBe(0);
    expect(out()).toBe('');
    expect(err()).toBe(`Graded 00-one-user over 2 account(s): 2 graded, 0 mismatch, 0 error. csv report in ${out2}.\n`);
    expect(readFileSync(out2, 'utf8').split('\r\n')).toHaveLength(1 + 2 * 6 + 1);
  });
});

describe('scalelab check', () => {
  const target = (accountId: string, fixtures = passingLab(accountId)) => {
    const { makeClients } = fakeClients({ 'scalelab-me': { fixtures } });
    return { makeClients };
  };

  it('prints each check and exits 0 when every required check passed', async () => {
    const { io, out } = captureIo();
    const code = await runCheck({ stage: '00', stack: 'scalelab-me' }, io, target('123456789012'));
    expect(code).toBe(0);
    expect(out()).toContain('Account 123456789012 · us-east-1 · stack scalelab-me · stage 00-one-user');
    expect(out()).toContain('✓ pass    ec2.elastic-ip (required): Elastic IP 203.0.113.1 is associated with i-0web.');
  });

  it('exits 1 when a required check fails, and prints JSON with --format json', async () => {
    const { io, out } = captureIo();
    const fixtures = { ...passingLab('123456789012'), 'EC2.DescribeAddresses': { Addresses: [] } };
    const code = await runCheck(
      { stage: '00', stack: 'scalelab-me', format: 'json' },
      io,
      target('123456789012', fixtures),
    );
    expect(code).toBe(1);
    const grade = JSON.parse(out());
    expect(grade).toMatchObject({ status: 'graded', verifiedAccountId: '123456789012', allRequiredPassed: false });
  });

  it('exits 2 when it does not know the lab stack', async () => {
    const before = process.env.STACK;
    delete process.env.STACK;
    try {
      const { code, stderr } = await scalelab('check', '--stage', '00');
      expect(code).toBe(2);
      expect(stderr).toContain('Name the lab stack: --stack scalelab-<your name>');
    } finally {
      if (before !== undefined) process.env.STACK = before;
    }
  });
});

const hasMoto = (() => {
  try {
    execFileSync('moto_server', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The real path: `node cli/bin.js grade`, assuming each learner's role through STS, against moto (AWS_ENDPOINT_URL). */
describe.skipIf(!hasMoto)('scalelab grade against moto', () => {
  let moto: ChildProcess;
  let endpoint: string;
  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    endpoint = `http://127.0.0.1:${port}`;
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${endpoint}/moto-api/`).then(
          () => true,
          () => false,
        )
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('moto_server did not start');
  });
  afterAll(() => {
    moto?.kill();
  });

  it('assumes each role, verifies the account, grades, and exits 0', async () => {
    const roster = file('moto.csv', `${HEADER}\n${row('alice', '123456789012')}\n${row('bob', '210987654321')}\n`);
    const outFile = join(dir, 'moto.json');
    const child = spawn(
      process.execPath,
      [
        'cli/bin.js',
        'grade',
        '--roster',
        roster,
        '--stage',
        '00',
        '--format',
        'json',
        '--out',
        outFile,
        '--timeout',
        '30',
      ],
      {
        env: {
          ...process.env,
          AWS_ENDPOINT_URL: endpoint,
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_REGION: 'us-east-1',
        },
      },
    );
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toContain('Graded 00-one-user over 2 account(s): 2 graded, 0 mismatch, 0 error.');
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(outFile, 'utf8'));
    expect(report.accounts.map((a: { verifiedAccountId: string }) => a.verifiedAccountId)).toEqual([
      '123456789012',
      '210987654321',
    ]);
    // Nothing is deployed in moto: every check that looks for the lab fails (never errors).
    expect(report.summary.checks.every((c: { fail: number }) => c.fail === 2)).toBe(true);
    expect(report.accounts[0].apiCalls.byOperation['STS.GetCallerIdentity']).toBe(1);
  }, 60_000);
});
