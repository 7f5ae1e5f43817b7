import { describe, expect, it } from 'vitest';
import { messages, translator } from '@/lib/i18n/messages';
import { negotiateLocale } from '@/proxy';

describe('the message catalogue', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(messages.ko).sort()).toEqual(Object.keys(messages.en).sort());
    for (const [key, en] of Object.entries(messages.en)) {
      const ko = messages.ko[key as keyof typeof messages.en];
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(ko), key).toEqual(vars(en));
      expect(ko.trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('en')('journey.minutes', { n: 30 })).toBe('30 min');
    expect(translator('ko')('journey.minutes', { n: 30 })).toBe('30분');
    expect(translator('en')('journey.minutes')).toBe('{n} min');
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
