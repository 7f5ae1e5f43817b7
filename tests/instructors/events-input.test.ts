import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, newJoinCode, normalizeJoinCode } from '@/lib/events/join-code';
import { newEventFromForm, newEventInput, storedSettings } from '@/lib/events/settings';
import { csvCell } from '@/lib/roster/export';
import { maskAccountId } from '@/lib/roster/mask';

describe('join codes', () => {
  it('are six characters from an alphabet without look-alikes (0/O, 1/I/L, U/V)', () => {
    for (const c of '0O1ILUV') expect(JOIN_CODE_ALPHABET).not.toContain(c);
    const codes = Array.from({ length: 200 }, newJoinCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(new Set(codes).size).toBeGreaterThan(195);
  });

  it('accept what a learner types: lower case, spaces and dashes', () => {
    expect(normalizeJoinCode(' abc-234 ')).toBe('ABC234');
    expect(normalizeJoinCode('ab c2 34')).toBe('ABC234');
  });

  it.each(['', 'ABC23', 'ABC2345', 'ABC0O1', "ABC23'"])('reject %j', (input) => {
    expect(normalizeJoinCode(input)).toBeNull();
  });
});

describe('event settings', () => {
  const form = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };

  it('reads the new-event form into validated settings', () => {
    const parsed = newEventInput.parse(
      newEventFromForm(
        form([
          ['name', '  AWS Summit lab  '],
          ['stages', '00-one-user'],
          ['stages', '01-split-database'],
          ['accountModes', 'sandbox'],
          ['quizzesGate', 'on'],
          ['startsAt', '2030-05-01T09:00:00.000Z'],
          ['endsAt', ''],
        ]),
      ),
    );
    expect(parsed).toEqual({
      name: 'AWS Summit lab',
      settings: {
        stages: ['00-one-user', '01-split-database'],
        accountModes: ['sandbox'],
        fastForward: false,
        quizzesGate: true,
        startsAt: new Date('2030-05-01T09:00:00.000Z'),
        endsAt: null,
      },
    });
  });

  it.each([
    [
      'no stage',
      [
        ['name', 'x'],
        ['accountModes', 'sandbox'],
      ],
      'event.error.noStages',
    ],
    [
      'no account mode',
      [
        ['name', 'x'],
        ['stages', '00-one-user'],
      ],
      'event.error.noAccountModes',
    ],
    [
      'an unknown stage',
      [
        ['name', 'x'],
        ['stages', '99-nope'],
        ['accountModes', 'sandbox'],
      ],
      undefined,
    ],
    [
      'no name',
      [
        ['stages', '00-one-user'],
        ['accountModes', 'sandbox'],
      ],
      'event.error.name',
    ],
    [
      'an end before the start',
      [
        ['name', 'x'],
        ['stages', '00-one-user'],
        ['accountModes', 'role'],
        ['startsAt', '2030-05-02T00:00:00Z'],
        ['endsAt', '2030-05-01T00:00:00Z'],
      ],
      'event.error.endsBeforeStart',
    ],
  ] as [string, [string, string][], string | undefined][])('rejects %s', (_name, entries, message) => {
    const result = newEventInput.safeParse(newEventFromForm(form(entries)));
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });

  it('falls back to safe defaults when stored settings are unreadable', () => {
    expect(storedSettings({ stages: 'all' }).accountModes).toEqual(['sandbox']);
  });
});

describe('what the roster shows and exports', () => {
  it('masks account ids to their last four digits', () => {
    expect(maskAccountId('123456789012')).toBe('••••••••9012');
    expect(maskAccountId('')).toBe('••••');
  });

  it('neutralises spreadsheet formulas and quotes CSV cells', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Kim, Min-jun')).toBe('"Kim, Min-jun"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});
