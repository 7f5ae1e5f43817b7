import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary, rejectedClaims } from '@/labs/glossary';
import { messages } from '@/lib/i18n/messages';
import { diagnosticsKo } from '@/lib/i18n/messages-diagnostics';
import { rejectedClaimsIn, rejectedVariantsIn } from '@/lib/labs/glossary';
import { labs } from '@/lib/labs/registry';

const root = process.cwd();

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
}

/** Every `ko` (or `en`) string inside a metadata object. */
function localized(value: unknown, locale: 'en' | 'ko', out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) localized(v, locale, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === locale && typeof v === 'string') out.push(v);
      else localized(v, locale, out);
    }
  }
  return out;
}

const koTexts: [string, string][] = [
  ...labs.map(
    (l) => [`labs/${l.id}/ko.mdx`, readFileSync(join(root, 'labs', l.id, 'ko.mdx'), 'utf8')] as [string, string],
  ),
  ...labs.map((l) => [`labs/${l.id}/lab.ts (ko)`, localized(l, 'ko').join('\n')] as [string, string]),
  ['lib/i18n/messages.ts (ko)', Object.values(messages.ko).join('\n')],
  ['lib/i18n/messages-diagnostics.ts (ko)', Object.values(diagnosticsKo).join('\n')],
  ...filesUnder('checkers', '.ts').map((f) => [f, readFileSync(join(root, f), 'utf8')] as [string, string]),
  ...filesUnder('components/diagrams', '.tsx').map((f) => [f, readFileSync(join(root, f), 'utf8')] as [string, string]),
];

const enTexts: [string, string][] = [
  ...labs.map(
    (l) => [`labs/${l.id}/en.mdx`, readFileSync(join(root, 'labs', l.id, 'en.mdx'), 'utf8')] as [string, string],
  ),
  ...labs.map((l) => [`labs/${l.id}/lab.ts (en)`, localized(l, 'en').join('\n')] as [string, string]),
];

const report = (file: string, h: { line: number; text: string; variant: string; reason: string }) =>
  `${file}:${h.line}: "${h.text.trim()}" uses ${h.variant}. ${h.reason}`;

describe('the glossary', () => {
  it('gives each English term one Korean term, and never rejects a term it prefers', () => {
    const en = glossary.map((t) => t.en);
    expect(new Set(en).size).toBe(en.length);
    for (const term of glossary) {
      for (const r of term.rejected) {
        expect(new RegExp(r.pattern, 'u').test(term.ko), `${term.en}: ${r.variant} matches ${term.ko}`).toBe(false);
        expect(r.reason.trim(), `${term.en}: ${r.variant}`).not.toBe('');
      }
    }
  });

  it.each([
    ['스냅숏을 찍습니다', '스냅숏'],
    ['인스턴스 타입을 바꿉니다', '(인스턴스) 타입'],
    ['AMI, 타입, 보안 그룹', '(인스턴스) 타입'],
    ['인터넷 연결 **Application Load Balancer**', '인터넷 연결 (as the ALB scheme)'],
    ['RDS 주 인스턴스', '주 인스턴스 / 주 노드'],
    ['03단계에서', '단계'],
    ['멈춰 있는 동안은 서비스 장애입니다', '서비스 장애'],
    ['차별화되지 않는 반복 작업', '차별화되지 않는 반복 작업 (and other renderings)'],
  ])('finds the rejected variant in "%s"', (text, variant) => {
    expect(rejectedVariantsIn(text, glossary).map((h) => h.variant)).toContain(variant);
  });

  it.each([
    '스냅샷 생성',
    '인스턴스 유형 변경',
    '인터넷 경계 ALB',
    '인터넷 연결이 없어도',
    '기본 DB 인스턴스와 대기 인스턴스',
    '자주 인스턴스를 바꿉니다',
    '차별화되지 않는 과중한 작업',
  ])('accepts "%s"', (text) => {
    expect(rejectedVariantsIn(text, glossary)).toEqual([]);
  });
});

describe('Korean texts follow the glossary', () => {
  it.each(koTexts)('%s uses no rejected variant', (file, text) => {
    expect(rejectedVariantsIn(text, glossary).map((h) => report(file, h))).toEqual([]);
  });

  it.each(koTexts)('%s makes no refused claim', (file, text) => {
    expect(rejectedClaimsIn(text, rejectedClaims, 'ko').map((h) => report(file, h))).toEqual([]);
  });
});

describe('English texts state the facts the glossary records', () => {
  it.each(enTexts)('%s makes no refused claim', (file, text) => {
    expect(rejectedClaimsIn(text, rejectedClaims, 'en').map((h) => report(file, h))).toEqual([]);
  });

  it('finds the claims it refuses', () => {
    expect(rejectedClaimsIn('It runs six engines (MySQL, ...)', rejectedClaims, 'en')).toHaveLength(1);
    expect(rejectedClaimsIn('a few kilometres away', rejectedClaims, 'en')).toHaveLength(1);
    expect(rejectedClaimsIn('여섯 가지 엔진을 지원', rejectedClaims, 'ko')).toHaveLength(1);
  });
});
