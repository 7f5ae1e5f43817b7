import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCheck } from '@/cli/commands/check';
import { type CommandIo, runGrade } from '@/cli/commands/grade';
import { buildProgram } from '@/cli/main';
import { EXTERNAL_ID, externalIdFor } from '@/lib/accounts/connect';
import { plainDisplayText } from '@/lib/security/display-text';
import { ACTION_BODY_LIMIT, proxy } from '@/proxy';
import { freshServerEnv } from './support';

freshServerEnv('boundary');
const { signLearnerId, verifyLearnerToken } = await import('@/lib/identity');

const dir = mkdtempSync(join(tmpdir(), 'scalelab-security-cli-'));
const io = () => {
  const err: string[] = [];
  const captured: CommandIo = { stdout: () => {}, stderr: (t) => void err.push(t), isTTY: false };
  return { captured, err: () => err.join('') };
};

afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

describe('the proxy', () => {
  it('answers malformed percent-encoding with a 404, not a 500', async () => {
    const response = await proxy(new NextRequest('http://localhost:3000/en/labs/%ff'));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found.\n');
  });

  it('still serves a well-encoded path', async () => {
    const response = await proxy(new NextRequest('http://localhost:3000/en/labs/%ED%95%9C'));
    expect(response.status).toBe(200);
  });

  it('answers a server action whose body is over the limit with a plain 413 before reading it', async () => {
    const request = new NextRequest('http://localhost:3000/en', {
      method: 'POST',
      headers: { 'next-action': 'abc123', 'content-length': String(ACTION_BODY_LIMIT + 1) },
    });
    const response = await proxy(request);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('The request is larger than this server accepts (1 MB).\n');
  });
});

describe('the learner cookie', () => {
  const id = '0b8e3c56-1f0a-4c1e-9a47-3d2f6c1b9e01';

  it('accepts the signature it wrote', async () => {
    expect(await verifyLearnerToken(await signLearnerId(id))).toBe(id);
  });

  it.each([
    ['a trailing character', (t: string) => `${t}A`],
    ['padding', (t: string) => `${t}=`],
    ['a character the decoder skips', (t: string) => `${t.slice(0, -2)}!${t.slice(-2)}`],
    ['standard base64 instead of base64url', (t: string) => t.replace(/-/g, '+').replace(/_/g, '/').concat('==')],
  ])('refuses the signature spelt with %s', async (_name, tamper) => {
    const token = await signLearnerId(id);
    const tampered = tamper(token);
    if (tampered === token) return;
    expect(await verifyLearnerToken(tampered)).toBeNull();
  });

  it('refuses a signature whose unused low bits differ (the same bytes, another spelling)', async () => {
    const token = await signLearnerId(id);
    const last = token.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] ?? last;
    expect(await verifyLearnerToken(`${token.slice(0, -1)}${sibling}`)).toBeNull();
  });

  it('refuses another learner’s id under this one’s signature', async () => {
    const token = await signLearnerId(id);
    const other = '5a1c9f3e-7b2d-4e8a-8c6f-1d0e2b3a4c5f';
    expect(await verifyLearnerToken(`${other}${token.slice(id.length)}`)).toBeNull();
  });
});

describe('names people type', () => {
  it.each([
    ['a right-to-left override', 'Eve\u202Egnp.exe', 'Evegnp.exe'],
    ['isolates and marks', '\u2066Kim\u2069 \u200FLee', 'Kim Lee'],
    ['zero-width characters', 'A\u200Bd\u200Cm\u200Di\u2060n\uFEFF', 'Admin'],
    ['line breaks and runs of spaces', 'Ann\n\n  Lee\u2028', 'Ann Lee'],
    ['nothing to drop in Korean and accents', '김철수 Zoë', '김철수 Zoë'],
  ])('drops %s', (_what, raw, shown) => {
    expect(plainDisplayText(raw)).toBe(shown);
  });
});

describe('ExternalIds', () => {
  it('follow AWS’s pattern and length (2 to 1224 of [\\w+=,.@:/-])', () => {
    expect(EXTERNAL_ID.test(externalIdFor('learner-a', 'x'.repeat(40)))).toBe(true);
    for (const ok of ['ab', 'team+1=a,b.c@d:e/f-g_h', 'x'.repeat(1224)]) expect(EXTERNAL_ID.test(ok)).toBe(true);
    for (const bad of ['a', 'x'.repeat(1225), 'has space', 'quote"', 'semi;colon', 'ünïcode']) {
      expect(EXTERNAL_ID.test(bad)).toBe(false);
    }
  });

  it('scalelab check refuses one that AWS would refuse, before any call', async () => {
    const { captured, err } = io();
    const makeClients = vi.fn();
    const code = await runCheck(
      {
        stage: '00',
        stack: 'scalelab-me',
        roleArn: 'arn:aws:iam::123456789012:role/ScaleLabGrader',
        externalId: 'a b',
      },
      captured,
      { makeClients },
    );
    expect(code).toBe(2);
    expect(err()).toContain('--external-id "a b" is not an ExternalId');
    expect(makeClients).not.toHaveBeenCalled();
  });
});

describe('CLI arguments', () => {
  it('scalelab grade --out into a missing folder fails before grading', async () => {
    const roster = join(dir, 'roster.csv');
    writeFileSync(
      roster,
      'learner,account_id,role_arn,external_id\nalice,111111111111,arn:aws:iam::111111111111:role/g,alice-ext\n',
    );
    const makeClients = vi.fn();
    const { captured, err } = io();
    const out = join(dir, 'no-such-folder', 'report.xml');
    const code = await runGrade({ roster, stage: '00', format: 'junit', out }, captured, { makeClients });
    expect(code).toBe(2);
    expect(err()).toContain(`Cannot write --out ${out}: the folder ${join(dir, 'no-such-folder')} does not exist.`);
    expect(makeClients).not.toHaveBeenCalled();
  });

  it('scalelab sandbox deploy --account takes 12 digits', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line) => void errors.push(String(line)));
    const template = join(dir, 't.yaml');
    writeFileSync(template, 'Resources: {}\n');
    const program = await buildProgram();
    await program.parseAsync(['node', 'scalelab', 'sandbox', 'deploy', template, '--account', '12']);
    expect(process.exitCode).toBe(2);
    expect(errors.join('\n')).toContain('--account takes a 12-digit sandbox account id, not "12".');
  });
});
