/**
 * `scalelab grade --roster roster.csv --stage 03`: run a stage's checks over every learner account of a roster and
 * report (text, CSV, JSON, JUnit) to stdout or --out. Exit 0 when the grading ran, whatever the learners scored;
 * 2 on bad input (a malformed roster, naming the line; an unknown stage; a bad option); 130 when interrupted (Ctrl-C),
 * after writing the report of what finished.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { defaultRegion } from '@/lib/aws/account';
import type { ApiCallLog } from '@/lib/aws/api-calls';
import type { AwsClients } from '@/lib/aws/clients';
import {
  GRADING_DEFAULTS,
  type GradingProgress,
  type GradingStore,
  gradeAccounts,
  parseRoster,
  type ReportFormat,
  type RosterEntry,
  RosterError,
  renderReport,
  reportFormats,
  resolveStage,
  roleClients,
} from '@/lib/grading';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import type { StageId } from '@/lib/labs/types';
import { stageIds } from '@/lib/labs/types';

export interface GradeCommandOptions {
  roster?: string;
  stage?: string;
  concurrency?: string;
  format?: string;
  out?: string;
  timeout?: string;
  retries?: string;
  region?: string;
  lang?: string;
  store?: boolean;
}

/** Where the command writes: the report to `stdout`, progress and messages to `stderr`. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr is a terminal: draw the progress bar. */
  isTTY: boolean;
}

export const processIo = (): CommandIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
});

/** Bad input: the command says what is wrong and exits 2 before grading anything. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function register(program: Command): void {
  program
    .command('grade')
    .description("Grade a stage's checks over a roster of learner accounts (role + external id per learner)")
    .option('--roster <file>', 'CSV: learner,account_id,role_arn,external_id[,region][,second_region][,stack]')
    .option('--stage <stage>', `stage id or its number (${stageIds.join(', ')})`)
    .option('--concurrency <n>', 'accounts graded at once', String(GRADING_DEFAULTS.concurrency))
    .option('--format <format>', reportFormats.join(' | '), 'text')
    .option('--out <file>', 'write the report here instead of stdout')
    .option('--timeout <seconds>', 'per account, everything included', String(GRADING_DEFAULTS.timeoutMs / 1000))
    .option('--retries <n>', 'account-level retries after throttling', String(GRADING_DEFAULTS.retries))
    .option('--region <region>', 'region of roster rows that name none', defaultRegion)
    .option('--lang <locale>', 'language of messages in the report: en | ko', 'en')
    .option('--store', 'store each account as a check run of its learner (PGlite under .data/, or DATABASE_URL)')
    .action(async (opts: GradeCommandOptions) => {
      process.exitCode = await runGrade(opts);
    });
}

export interface GradeDeps {
  /** Clients per roster entry (tests inject fixtures); default: assume the entry's role. */
  makeClients?: (entry: RosterEntry, log: ApiCallLog) => AwsClients;
  store?: GradingStore;
}

export async function runGrade(opts: GradeCommandOptions, io = processIo(), deps: GradeDeps = {}): Promise<number> {
  let input: ReturnType<typeof readGradeInput>;
  try {
    input = readGradeInput(opts);
  } catch (err) {
    if (err instanceof UsageError || err instanceof RosterError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const { entries, stage, format, locale, concurrency, timeoutMs, retries } = input;

  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  const progress = io.isTTY ? progressBar(io, entries.length) : undefined;
  let store = deps.store;
  let close: (() => Promise<void>) | undefined;
  if (!store && opts.store) {
    // DATABASE_URL, else the embedded store; when it cannot be opened (the site has it), say so and stop.
    const { openCliStore, StoreUnavailableError } = await import('../store');
    const opened = await openCliStore().catch((err: unknown) => {
      if (err instanceof StoreUnavailableError) return err;
      throw err;
    });
    if (opened instanceof Error) {
      process.off('SIGINT', onSigint);
      io.stderr(`${opened.message}\n`);
      return 1;
    }
    store = opened;
    close = () => opened.close();
  }
  try {
    const run = await gradeAccounts({
      entries,
      stage,
      concurrency,
      timeoutMs,
      retries,
      makeClients: deps.makeClients ?? roleClients,
      signal: controller.signal,
      ...(progress ? { onProgress: progress.update } : {}),
      ...(store ? { store } : {}),
    });
    progress?.end();
    const report = renderReport(run, format, locale);
    if (opts.out) {
      writeFileSync(opts.out, report);
      const { graded, mismatch, error } = countStatuses(run.accounts);
      io.stderr(
        `Graded ${stage} over ${entries.length} account(s): ${graded} graded, ${mismatch} mismatch, ${error} error. ${format} report in ${opts.out}.\n`,
      );
    } else {
      io.stdout(report);
    }
    if (run.notImplemented.length && format !== 'text') {
      io.stderr(`Note: ${stage} lists checks not implemented yet: ${run.notImplemented.join(', ')}.\n`);
    }
    // Interrupted: the report covers what finished (the rest are `error: cancelled`), and the exit code says so.
    return controller.signal.aborted ? 130 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    await close?.();
  }
}

function readGradeInput(opts: GradeCommandOptions) {
  if (!opts.roster) throw new UsageError('Name the roster: --roster roster.csv');
  const stage = stageFromOption(opts.stage);
  const format = opts.format ?? 'text';
  if (!(reportFormats as readonly string[]).includes(format))
    throw new UsageError(`Unknown --format ${JSON.stringify(format)}: use ${reportFormats.join(', ')}.`);
  const lang = opts.lang ?? 'en';
  if (!isLocale(lang)) throw new UsageError(`Unknown --lang ${JSON.stringify(lang)}: use en or ko.`);
  const concurrency = positiveInt('--concurrency', opts.concurrency, GRADING_DEFAULTS.concurrency, 1);
  const timeoutSeconds = positiveNumber('--timeout', opts.timeout, GRADING_DEFAULTS.timeoutMs / 1000);
  const retries = positiveInt('--retries', opts.retries, GRADING_DEFAULTS.retries, 0);
  // Before any account is graded: a report that cannot be written would throw the whole grading away.
  if (opts.out) {
    const folder = dirname(resolve(opts.out));
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new UsageError(`Cannot write --out ${opts.out}: the folder ${folder} does not exist.`);
  }
  let text: string;
  try {
    text = readFileSync(opts.roster, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read the roster ${opts.roster}: ${(err as Error).message}`);
  }
  const entries = parseRoster(text, { file: opts.roster, defaultRegion: opts.region ?? defaultRegion });
  return {
    entries,
    stage,
    format: format as ReportFormat,
    locale: lang as Locale,
    concurrency,
    timeoutMs: timeoutSeconds * 1000,
    retries,
  };
}

/** `--stage 03` → `03-scale-out`, or a UsageError listing the stages. */
export function stageFromOption(value: string | undefined): StageId {
  if (!value) throw new UsageError(`Name the stage: --stage <${stageIds.join(' | ')}> (or its number, e.g. 03)`);
  const stage = resolveStage(value);
  if (!stage) throw new UsageError(`Unknown stage ${JSON.stringify(value)}: use one of ${stageIds.join(', ')}.`);
  return stage;
}

function positiveInt(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > 1000)
    throw new UsageError(`${flag} must be a whole number from ${min} to 1000, not ${JSON.stringify(value)}.`);
  return n;
}

export function positiveNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${flag} must be a number above 0, not ${JSON.stringify(value)}.`);
  return n;
}

function countStatuses(accounts: readonly { status: string }[]) {
  const count = (status: string) => accounts.filter((a) => a.status === status).length;
  return { graded: count('graded'), mismatch: count('mismatch'), error: count('error') };
}

/** One line on stderr, redrawn as accounts finish: `[#########-----------]  45/100  graded 40 · mismatch 2 · error 3`. */
function progressBar(io: CommandIo, total: number) {
  const width = 24;
  const draw = (p: Pick<GradingProgress, 'done' | 'graded' | 'mismatch' | 'error' | 'inFlight'>) => {
    const filled = total ? Math.round((p.done / total) * width) : width;
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const counts = `graded ${p.graded} · mismatch ${p.mismatch} · error ${p.error} · running ${p.inFlight}`;
    io.stderr(`\r\u001b[2K[${bar}] ${String(p.done).padStart(String(total).length)}/${total}  ${counts}`);
  };
  draw({ done: 0, graded: 0, mismatch: 0, error: 0, inFlight: 0 });
  return { update: (p: GradingProgress) => draw(p), end: () => io.stderr('\n') };
}
