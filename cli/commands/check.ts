/**
 * `scalelab check --stage 00`: grade the stage once against the machine's own credentials (a profile, or the default
 * chain) — what a self-paced learner runs on a laptop. Exit 0 when every required check passed, 1 when not (or the
 * account could not be graded), 2 on bad input.
 */
import type { Command } from 'commander';
import { accountOfRoleArn, EXTERNAL_ID, externalIdRule } from '@/lib/accounts/connect';
import type { ApiCallLog } from '@/lib/aws/api-calls';
import type { AwsClients } from '@/lib/aws/clients';
import { GRADING_DEFAULTS, type GradeTarget, gradeAccounts, profileClients, roleClients } from '@/lib/grading';
import { renderAccountText } from '@/lib/grading/reports';
import { isLocale } from '@/lib/i18n/locales';
import { defaultSecondRegion } from '@/lib/stacks/second-region';
import { StoreUnavailableError } from '../store';

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

import { type CommandIo, positiveNumber, processIo, stageFromOption, UsageError } from './grade';
import { type CliSandbox, cliSandbox } from './sandbox';

export interface CheckCommandOptions {
  stage?: string;
  profile?: string;
  sandbox?: string;
  roleArn?: string;
  externalId?: string;
  region?: string;
  secondRegion?: string;
  stack?: string;
  format?: string;
  timeout?: string;
  lang?: string;
}

export function register(program: Command): void {
  program
    .command('check')
    .description("Run a stage's checks once against your own AWS credentials (profile or default chain)")
    .option('--stage <stage>', 'stage id or its number, e.g. 00')
    .option('--profile <name>', 'AWS profile (default: the default credential chain)')
    .option('--sandbox <account>', 'grade a sandbox account of the local store instead (12 digits)')
    .option('--role-arn <arn>', 'assume this role (a workshop account) instead of using your own credentials')
    .option('--external-id <id>', 'the ExternalId the role requires (with --role-arn)')
    .option('--region <region>', 'region of the lab stack (default: AWS_REGION, else us-east-1)')
    .option(
      '--second-region <region>',
      "stage 06: the pair's second region (default: us-west-2; ap-northeast-3 with Seoul)",
    )
    .option('--stack <name>', 'lab stack name (default: $STACK, as the lab exports it)')
    .option('--format <format>', 'text | json', 'text')
    .option('--timeout <seconds>', 'give up after this long', String(GRADING_DEFAULTS.timeoutMs / 1000))
    .option('--lang <locale>', 'en | ko', 'en')
    .action(async (opts: CheckCommandOptions) => {
      process.exitCode = await runCheck(opts);
    });
}

export async function runCheck(
  opts: CheckCommandOptions,
  io: CommandIo = processIo(),
  deps: { makeClients?: (target: GradeTarget, log: ApiCallLog) => AwsClients } = {},
): Promise<number> {
  let input: ReturnType<typeof readCheckInput>;
  try {
    input = readCheckInput(opts);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const { stage, target, json, locale, timeoutMs } = input;
  let makeClients = deps.makeClients;
  let sandbox: CliSandbox | undefined;
  if (!makeClients && opts.sandbox) {
    // The sandbox accounts of the store the site uses: DATABASE_URL when set, else the embedded one.
    try {
      sandbox = await cliSandbox(opts.sandbox, 0);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      io.stderr(`${err.message}\n`);
      return 1;
    }
    const opened = sandbox;
    makeClients = (t, log) => opened.clientsFor(t.region, { log });
  } else if (!makeClients && opts.roleArn) {
    const role = { roleArn: opts.roleArn, externalId: opts.externalId ?? '' };
    makeClients = (t, log) =>
      roleClients(
        {
          ...role,
          line: 0,
          learner: t.learner,
          accountId: t.accountId ?? '',
          region: t.region,
          secondRegion: t.secondRegion ?? defaultSecondRegion(t.region),
          stackName: t.stackName ?? '',
        },
        log,
      );
  }
  const run = await gradeAccounts({
    entries: [target],
    stage,
    concurrency: 1,
    timeoutMs,
    makeClients:
      makeClients ??
      ((t, log) =>
        profileClients(
          {
            region: t.region,
            ...(t.secondRegion ? { secondRegion: t.secondRegion } : {}),
            ...(opts.profile ? { profile: opts.profile } : {}),
          },
          log,
        )),
  }).finally(() => sandbox?.close());
  const grade = run.accounts[0];
  if (!grade) throw new Error('No account was graded.');
  io.stdout(json ? `${JSON.stringify(grade, null, 2)}\n` : renderAccountText(grade, locale));
  if (run.notImplemented.length && !json) {
    io.stderr(`Note: ${stage} lists checks not implemented yet: ${run.notImplemented.join(', ')}.\n`);
  }
  return grade.allRequiredPassed ? 0 : 1;
}

function readCheckInput(opts: CheckCommandOptions) {
  const stage = stageFromOption(opts.stage);
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`Unknown --format ${JSON.stringify(format)}: use text or json.`);
  const locale = opts.lang ?? 'en';
  if (!isLocale(locale)) throw new UsageError(`Unknown --lang ${JSON.stringify(locale)}: use en or ko.`);
  const stackName = opts.stack ?? process.env.STACK;
  if (!stackName) throw new UsageError('Name the lab stack: --stack scalelab-<your name> (or export STACK=...).');
  const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const chosen = [opts.profile, opts.sandbox, opts.roleArn].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('Choose one account: --profile, --sandbox or --role-arn.');
  if (opts.sandbox && !/^\d{12}$/.test(opts.sandbox))
    throw new UsageError(`--sandbox takes a 12-digit sandbox account id, not ${JSON.stringify(opts.sandbox)}.`);
  let accountId: string | undefined;
  if (opts.roleArn) {
    if (!opts.externalId) throw new UsageError('--role-arn needs --external-id (the one in the learner-access stack).');
    if (!EXTERNAL_ID.test(opts.externalId))
      throw new UsageError(`--external-id ${JSON.stringify(opts.externalId)} is not an ExternalId: ${externalIdRule}`);
    try {
      accountId = accountOfRoleArn(opts.roleArn);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  if (opts.secondRegion !== undefined && (!REGION.test(opts.secondRegion) || opts.secondRegion === region))
    throw new UsageError(
      `--second-region ${JSON.stringify(opts.secondRegion)} must be an AWS Region other than the lab's (${region}).`,
    );
  const target: GradeTarget = {
    learner: stackName,
    region,
    ...(opts.secondRegion ? { secondRegion: opts.secondRegion } : {}),
    stackName,
    ...(accountId ? { accountId, roleArn: opts.roleArn } : {}),
  };
  return {
    stage,
    target,
    json: format === 'json',
    locale,
    timeoutMs: positiveNumber('--timeout', opts.timeout, GRADING_DEFAULTS.timeoutMs / 1000) * 1000,
  };
}
