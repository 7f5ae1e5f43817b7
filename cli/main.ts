import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';

/** Each file in cli/commands/ exports `register(program)`: adding a subcommand never touches this file. */
export interface CommandModule {
  register(program: Command): void;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The program with its subcommands. Given the name of the one being run, only that command's module is loaded (the
 * others pull in the AWS SDK clients, the store, the sandbox: about a second of start-up that `validate` has no use
 * for); without it, or when it names no command (`--help`, a typo), all of them are.
 */
export async function buildProgram(commandName?: string): Promise<Command> {
  const program = new Command('scalelab')
    .description('ScaleLab: labs, templates, sandbox and checks for scaling on AWS from 1 to 10 million users')
    .version('0.1.0')
    .showHelpAfterError();
  const all = readdirSync(join(here, 'commands'))
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f)) // .js: the precompiled CLI (cli/build.js)
    .sort();
  const one = all.filter((f) => f.replace(/\.(ts|js)$/, '') === commandName);
  const files = one.length ? one : all;
  for (const file of files) {
    const mod = (await import(join(here, 'commands', file))) as Partial<CommandModule>;
    mod.register?.(program);
  }
  return program;
}

// Run when started as a command: `tsx cli/main.ts`, `node cli/bin.js`, or the `scalelab` bin link in node_modules/.bin.
const entry = process.argv[1] ?? '';
const isEntry = /cli[\\/](main\.ts|bin\.js)$/.test(entry) || /[\\/]\.bin[\\/]scalelab$/.test(entry);
if (isEntry) {
  const program = await buildProgram(process.argv[2]);
  await program.parseAsync(process.argv);
  // The command is done: an open handle (an embedded database, an SDK connection pool) must not keep the CLI alive.
  // Exit once everything written so far has been flushed.
  process.stderr.write('', () => process.stdout.write('', () => process.exit(process.exitCode ?? 0)));
}
