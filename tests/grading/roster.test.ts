import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultStackName, parseRoster, RosterError } from '@/lib/grading';
import { csvLine, parseCsv } from '@/lib/grading/csv';

const fixture = (name: string) => readFileSync(`tests/fixtures/grading/${name}`, 'utf8');
const HEADER = 'learner,account_id,role_arn,external_id,region';
const ok = (learner: string, account = '111111111111') =>
  `${learner},${account},arn:aws:iam::${account}:role/scalelab-grader,${learner}-ext,us-east-1`;

function problems(text: string): string[] {
  try {
    parseRoster(text);
  } catch (err) {
    if (err instanceof RosterError) return err.problems;
    throw err;
  }
  throw new Error('the roster was accepted');
}

describe('parseRoster', () => {
  it('reads a roster with a BOM, CRLF, quoted fields, blank lines, any header case and an empty region', () => {
    const entries = parseRoster(fixture('roster-good.csv'), {
      file: 'roster-good.csv',
      defaultRegion: 'ap-northeast-2',
    });
    expect(entries).toEqual([
      {
        line: 2,
        learner: 'alice',
        accountId: '111111111111',
        roleArn: 'arn:aws:iam::111111111111:role/scalelab-grader',
        externalId: 'scalelab-alice-7f3a',
        region: 'us-east-1',
        secondRegion: 'us-west-2',
        stackName: 'scalelab-alice',
      },
      {
        line: 3,
        learner: 'Kim, Min-su',
        accountId: '222222222222',
        roleArn: 'arn:aws:iam::222222222222:role/workshop/scalelab-grader',
        externalId: 'ext=id:with/odd@chars',
        region: 'eu-west-2',
        secondRegion: 'us-west-2',
        stackName: 'scalelab-kim-min-su',
      },
      {
        line: 5,
        learner: 'Bob "The Builder"',
        accountId: '333333333333',
        roleArn: 'arn:aws:iam::333333333333:role/scalelab-grader',
        externalId: 'bob-external-id',
        region: 'ap-northeast-2',
        secondRegion: 'ap-northeast-3',
        stackName: 'scalelab-bob-the-builder',
      },
    ]);
  });

  it('takes the columns in any order, without region, and a stack column that overrides the default name', () => {
    const text =
      'external_id,role_arn,account_id,learner,stack\nx-ext,arn:aws:iam::111111111111:role/g,111111111111,x,my-lab\n';
    expect(parseRoster(text)).toEqual([
      expect.objectContaining({ learner: 'x', externalId: 'x-ext', region: 'us-east-1', stackName: 'my-lab' }),
    ]);
  });

  it('lists every problem of a roster at once, each with its file and line', () => {
    try {
      parseRoster(fixture('roster-bad.csv'), { file: 'roster.csv' });
      expect.unreachable();
    } catch (err) {
      expect((err as RosterError).problems).toEqual([
        'roster.csv:3: account_id "12345" is not a 12-digit AWS account id',
        'roster.csv:4: role_arn "arn:aws:iam::444444444444:role/scalelab-grader" is in account 444444444444, not in account_id 333333333333',
        'roster.csv:5: learner "Alice" is already on line 2',
      ]);
      expect((err as Error).message).toContain('roster.csv:3: account_id "12345"');
    }
  });

  it.each([
    [
      'a short account id',
      'a,12345,arn:aws:iam::111111111111:role/g,a-ext,us-east-1',
      'roster.csv:3: account_id "12345" is not a 12-digit AWS account id',
    ],
    [
      'a role ARN that is not one',
      'b,111111111111,arn:aws:iam::111111111111:user/bob,b-ext,us-east-1',
      'roster.csv:3: role_arn "arn:aws:iam::111111111111:user/bob" is not an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)',
    ],
    [
      'a role in another account',
      'c,111111111111,arn:aws:iam::222222222222:role/g,c-ext,us-east-1',
      'roster.csv:3: role_arn "arn:aws:iam::222222222222:role/g" is in account 222222222222, not in account_id 111111111111',
    ],
    [
      'an empty external id',
      'd,111111111111,arn:aws:iam::111111111111:role/g,,us-east-1',
      'roster.csv:3: external_id "" is not a valid external id (2 to 1224 of letters, digits and +=,.@:/-_)',
    ],
    [
      'a one-character external id',
      'e,111111111111,arn:aws:iam::111111111111:role/g,x,us-east-1',
      'roster.csv:3: external_id "x" is not a valid external id (2 to 1224 of letters, digits and +=,.@:/-_)',
    ],
    [
      'an external id with a space',
      'f,111111111111,arn:aws:iam::111111111111:role/g,"a b",us-east-1',
      'roster.csv:3: external_id "a b" is not a valid external id (2 to 1224 of letters, digits and +=,.@:/-_)',
    ],
    [
      'a region that is not one',
      'g,111111111111,arn:aws:iam::111111111111:role/g,g-ext,Virginia',
      'roster.csv:3: region "Virginia" is not an AWS region (like us-east-1)',
    ],
    [
      'an empty learner',
      ',111111111111,arn:aws:iam::111111111111:role/g,h-ext,us-east-1',
      'roster.csv:3: learner "" is empty',
    ],
    [
      'a row with too few columns',
      'i,111111111111,arn:aws:iam::111111111111:role/g',
      'roster.csv:3: expected 5 columns (learner,account_id,role_arn,external_id,region), found 3',
    ],
    [
      'a duplicate learner (case and spaces aside)',
      ' ALICE ,222222222222,arn:aws:iam::222222222222:role/g,a2-ext,us-east-1',
      'roster.csv:3: learner "ALICE" is already on line 2',
    ],
    [
      'an unclosed quote',
      'j,111111111111,"arn:aws:iam::111111111111:role/g,j-ext,us-east-1',
      'roster.csv:3: a quoted field is never closed (missing ")',
    ],
    [
      'a stray quote',
      'k,1111"11111111,arn:aws:iam::111111111111:role/g,k-ext,us-east-1',
      'roster.csv:3: a quote inside an unquoted field (quote the whole field)',
    ],
  ])('rejects %s, naming the line', (_case, row, message) => {
    expect(problems(`${HEADER}\n${ok('alice')}\n${row}\n`)).toEqual([message]);
  });

  it('cuts a very long value short in the message', () => {
    const long = 'x'.repeat(2000);
    const [message] = problems(`${HEADER}\nl,111111111111,arn:aws:iam::111111111111:role/g,${long},us-east-1\n`);
    expect(message).toMatch(/^roster\.csv:2: external_id "x{57}\.\.\." is not a valid external id/);
  });

  it.each([
    [
      'an empty file',
      '',
      'roster.csv: the roster is empty (expected a header learner,account_id,role_arn,external_id[,region][,second_region][,stack])',
    ],
    ['a header only', `${HEADER}\n`, 'roster.csv: no learners below the header'],
    [
      'a missing column',
      'learner,account_id,role_arn\na,111111111111,arn:aws:iam::111111111111:role/g\n',
      'roster.csv:1: missing column external_id (expected learner,account_id,role_arn,external_id[,region][,second_region][,stack])',
    ],
    [
      'an unknown column',
      `${HEADER},email\n`,
      'roster.csv:1: unknown column "email" (expected learner,account_id,role_arn,external_id[,region][,second_region][,stack])',
    ],
    ['a repeated column', `${HEADER},region\n`, 'roster.csv:1: column region appears twice'],
  ])('rejects %s', (_case, text, message) => {
    expect(problems(text)).toEqual([message]);
  });
});

describe('CSV', () => {
  it('reads back what it writes, quotes and line breaks included, and defuses formulas', () => {
    const cells = ['plain', 'with,comma', 'with "quotes"', 'two\nlines', '=HYPERLINK("x")', '-12', '-cmd'];
    const [record] = parseCsv(`${csvLine(cells)}\r\n`);
    expect(record?.fields).toEqual([
      'plain',
      'with,comma',
      'with "quotes"',
      'two\nlines',
      `'=HYPERLINK("x")`,
      '-12',
      "'-cmd",
    ]);
  });

  it('numbers records by the line they start on', () => {
    expect(parseCsv('a,"b\nc"\n\nd,e').map((r) => r.line)).toEqual([1, 4]);
  });

  it('falls back to the learner id for a stack name when the name has no ASCII letters', () => {
    expect(defaultStackName('김민수')).toMatch(/^scalelab-[0-9a-f]{8}$/);
    expect(defaultStackName('José Álvarez')).toBe('scalelab-jose-alvarez');
  });
});

describe('the second_region column (stage 06)', () => {
  const H = `${HEADER},second_region`;
  it('takes the second region from the roster, and the region’s default when the cell is empty or the column absent', () => {
    const text = `${H}\n${ok('ana')},eu-west-1\n${ok('bo')},\nseo,444444444444,arn:aws:iam::444444444444:role/g,seo-ext,ap-northeast-2,\n`;
    expect(parseRoster(text).map((e) => [e.learner, e.region, e.secondRegion])).toEqual([
      ['ana', 'us-east-1', 'eu-west-1'],
      ['bo', 'us-east-1', 'us-west-2'],
      ['seo', 'ap-northeast-2', 'ap-northeast-3'],
    ]);
    expect(parseRoster(`${HEADER}\n${ok('ana')}\n`)[0]?.secondRegion).toBe('us-west-2');
  });

  it('rejects a second region equal to the region, and one that is not a region name', () => {
    expect(problems(`${H}\n${ok('ana')},us-east-1\n${ok('bo')},west\n`)).toEqual([
      'roster.csv:2: second_region "us-east-1" is the learner\'s region too: stage 06\'s second region must differ from region us-east-1',
      'roster.csv:3: second_region "west" is not an AWS region (like us-west-2)',
    ]);
  });
});
