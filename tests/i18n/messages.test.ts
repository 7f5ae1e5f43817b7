import { describe, expect, it } from 'vitest';
import { messages, translator } from '@/lib/i18n/messages';
import { negotiateLocale } from '@/proxy';

describe('the message catalogue', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(messages.ko).sort()).toEqual(Object.keys(messages.en).sort());
    for (const [key, en] of Object.entries(messages.en)) {
      const ko = messages.ko[key as keyof typeof messages.en];
      const vars = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
      expect(vars(ko), key).toEqual(vars(en));
      expect(ko.trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('en')('journey.minutes', { n: 30 })).toBe('30 min');
    expect(translator('ko')('journey.minutes', { n: 30 })).toBe('30분');
    expect(translator('en')('journey.minutes')).toBe('{n} min');
  });

  it('picks the plural form the language needs', () => {
    const en = translator('en');
    expect(en('checks.remaining', { n: 1 })).toBe('1 required check has not passed yet.');
    expect(en('checks.remaining', { n: 3 })).toBe('3 required checks have not passed yet.');
    expect(en('checks.remaining', { n: 0 })).toBe('0 required checks have not passed yet.');
    expect(en('editor.problems', { errors: 1, warnings: 2 })).toBe('1 error, 2 warnings');
    expect(translator('ko')('roster.mostFailed.learners', { n: 1 })).toBe('학습자 1명');
    expect(en('roster.mostFailed.learners')).toBe('{n, plural, one {# learner} other {# learners}}');
  });

  it('says "1 thing", never "1 things", in English', () => {
    const en = translator('en');
    for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
      const once = en(key, { n: 1, errors: 1, warnings: 1, count: 1 });
      expect(once, key).not.toMatch(/\b1 (checks|changes|learners|errors|warnings|resources|stages|minutes)\b/);
    }
  });
});

describe('language negotiation', () => {
  it.each([
    ['ko-KR,ko;q=0.9,en;q=0.8', 'ko'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,ko;q=0.5,en;q=0.4', 'ko'],
    ['fr-FR', 'en'],
    ['', 'en'],
    ['en;q=0.2, ko;q=0.8', 'ko'],
    ['ko;q=0', 'en'],
  ])('picks %s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
