/**
 * `scalelab instructor create --email e`: create an instructor account. The password comes from
 * SCALELAB_INSTRUCTOR_PASSWORD or a prompt on the terminal (never an argument: it would land in the shell history).
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { z } from 'zod';
import { createInstructor, InstructorExistsError } from '@/lib/instructors/accounts';
import { openCliStores, StoreUnavailableError } from '../store';

export function register(program: Command): void {
  const instructor = program.command('instructor').description('Manage instructor accounts');
  instructor
    .command('create')
    .description('Create an instructor (password from SCALELAB_INSTRUCTOR_PASSWORD or a prompt)')
    .requiredOption('--email <email>', 'the instructor’s email, used to sign in')
    .action(async (opts: { email: string }) => {
      process.exitCode = await runCreate(opts.email);
    });
}

/** Read a line without echoing it. */
async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export async function runCreate(
  email: string,
  io: { password?: string; err?: (line: string) => void; out?: (line: string) => void } = {},
): Promise<number> {
  const err = io.err ?? ((line) => process.stderr.write(`${line}\n`));
  const out = io.out ?? ((line) => process.stdout.write(`${line}\n`));
  let password = io.password ?? process.env.SCALELAB_INSTRUCTOR_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      err('No password: set SCALELAB_INSTRUCTOR_PASSWORD or run in a terminal to be prompted.');
      return 2;
    }
    password = await promptHidden('Password (at least 12 characters): ');
    if (password !== (await promptHidden('Repeat the password: '))) {
      err('The passwords do not match.');
      return 2;
    }
  }
  let stores: Awaited<ReturnType<typeof openCliStores>>;
  try {
    stores = await openCliStores();
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    err(e.message);
    return 1;
  }
  try {
    const created = await createInstructor(stores.instructors, { email, password });
    out(`Instructor ${created.email} created. Sign in at /en/instructor/login.`);
    return 0;
  } catch (e) {
    if (e instanceof InstructorExistsError) err(e.message);
    else if (e instanceof z.ZodError) {
      err(
        e.issues.some((i) => i.message === 'password-too-short')
          ? 'The password needs at least 12 characters.'
          : `Not a valid email address: ${email}`,
      );
    } else throw e;
    return 2;
  } finally {
    await stores.close();
  }
}
