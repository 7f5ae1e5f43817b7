import { z } from 'zod';
import { defaultRegion } from '@/lib/aws/account';
import { defaultSecondRegion } from '@/lib/stacks/second-region';
import { CsvSyntaxError, parseCsv } from './csv';
import { defaultStackName, normalizeLearnerName } from './learner-id';

/** One learner of a roster: whose account, which grader role, and where their lab stack lives. */
export interface RosterEntry {
  /** The roster line the entry came from, for messages. */
  line: number;
  learner: string;
  accountId: string;
  roleArn: string;
  externalId: string;
  region: string;
  /** Stage 06's second region (the pair's secondary stack): the column `second_region`, else the region's default. */
  secondRegion?: string;
  stackName: string;
}

/** Every problem found in a roster, each naming the file, the line and the column: `roster.csv:4: account_id …`. */
export class RosterError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'RosterError';
  }
}

const REQUIRED = ['learner', 'account_id', 'role_arn', 'external_id'] as const;
const OPTIONAL = ['region', 'second_region', 'stack'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const HEADER_HINT = `${REQUIRED.join(',')}[,region][,second_region][,stack]`;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

const rowSchema = z
  .object({
    learner: z.string().min(1, 'is empty').max(200, 'is longer than 200 characters'),
    account_id: z.string().regex(/^\d{12}$/, 'is not a 12-digit AWS account id'),
    role_arn: z.string().regex(ROLE_ARN, 'is not an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)'),
    external_id: z
      .string()
      .regex(/^[\w+=,.@:/-]{2,1224}$/, 'is not a valid external id (2 to 1224 of letters, digits and +=,.@:/-_)'),
    region: z.string().regex(REGION, 'is not an AWS region (like us-east-1)'),
    second_region: z.string().regex(REGION, 'is not an AWS region (like us-west-2)').optional(),
    stack: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'is not a CloudFormation stack name')
      .optional(),
  })
  .superRefine((row, ctx) => {
    if (row.second_region && row.second_region === row.region) {
      ctx.addIssue({
        code: 'custom',
        path: ['second_region'],
        message: `is the learner's region too: stage 06's second region must differ from region ${row.region}`,
      });
    }
    const arnAccount = ROLE_ARN.exec(row.role_arn)?.[1];
    if (arnAccount && /^\d{12}$/.test(row.account_id) && arnAccount !== row.account_id) {
      ctx.addIssue({
        code: 'custom',
        path: ['role_arn'],
        message: `is in account ${arnAccount}, not in account_id ${row.account_id}`,
      });
    }
  });

/**
 * Read a roster: a header `learner,account_id,role_arn,external_id[,region][,second_region][,stack]` (any order, any
 * case), then one learner per line. `region` defaults to the command's --region; `second_region` (stage 06's pair:
 * the region of the secondary stack) to us-west-2, or ap-northeast-3 for ap-northeast-2. Quoted fields, CRLF and a byte-order mark are fine. Every problem is collected, so one run of
 * the command lists them all; any problem throws a RosterError and nothing is graded.
 */
export function parseRoster(text: string, options: { file?: string; defaultRegion?: string } = {}): RosterEntry[] {
  const file = options.file ?? 'roster.csv';
  const at = (line: number) => `${file}:${line}:`;
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new RosterError([`${at(err.line)} ${err.detail}`]);
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) throw new RosterError([`${file}: the roster is empty (expected a header ${HEADER_HINT})`]);

  const names = header.fields.map((f) => f.trim().toLowerCase());
  const problems: string[] = [];
  names.forEach((name, i) => {
    if (![...REQUIRED, ...OPTIONAL].includes(name as Column))
      problems.push(`${at(header.line)} unknown column ${JSON.stringify(header.fields[i])} (expected ${HEADER_HINT})`);
    else if (names.indexOf(name) !== i) problems.push(`${at(header.line)} column ${name} appears twice`);
  });
  for (const column of REQUIRED) {
    if (!names.includes(column)) problems.push(`${at(header.line)} missing column ${column} (expected ${HEADER_HINT})`);
  }
  if (problems.length) throw new RosterError(problems);
  if (!rows.length) throw new RosterError([`${file}: no learners below the header`]);

  const entries: RosterEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    if (fields.length !== names.length) {
      problems.push(`${at(line)} expected ${names.length} columns (${names.join(',')}), found ${fields.length}`);
      continue;
    }
    const raw: Partial<Record<Column, string>> = {};
    names.forEach((name, i) => {
      const value = (fields[i] ?? '').trim();
      if (value || REQUIRED.includes(name as (typeof REQUIRED)[number])) raw[name as Column] = value;
    });
    const input = { ...raw, region: raw.region ?? options.defaultRegion ?? defaultRegion };
    const parsed = rowSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? 'row') as Column;
        problems.push(`${at(line)} ${column} ${quote(input[column] ?? '')} ${issue.message}`);
      }
      continue;
    }
    const row = parsed.data;
    const key = normalizeLearnerName(row.learner);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${at(line)} learner ${JSON.stringify(row.learner)} is already on line ${first}`);
      continue;
    }
    seen.set(key, line);
    entries.push({
      line,
      learner: row.learner,
      accountId: row.account_id,
      roleArn: row.role_arn,
      externalId: row.external_id,
      region: row.region,
      secondRegion: row.second_region ?? defaultSecondRegion(row.region),
      stackName: row.stack ?? defaultStackName(row.learner),
    });
  }
  if (problems.length) throw new RosterError(problems);
  return entries;
}

/** A value as a message shows it: quoted, and cut short when it is long. */
function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}
