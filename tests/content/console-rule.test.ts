import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * One rule for finding what a learner makes by hand (lib/inventory/lab-resources.ts: stack output, then the
 * `scalelab:lab` tag, then the name prefix), written on the console path of every graded lab, in both languages.
 */
const stages = [
  '00-one-user',
  '01-split-database',
  '02-high-availability',
  '03-scale-out',
  '04-cache-automate-secure',
  '05-decouple',
];
const consoleTabs = (mdx: string) => [...mdx.matchAll(/<Tab kind="console">([\s\S]*?)<\/Tab>/g)].map((m) => m[1] ?? '');

describe.each(stages)('lab %s', (stage) => {
  it.each([
    [
      'en',
      /first by the lab stack's output.*then by the tag `scalelab:lab` = your stack name, then by a name that starts with your stack name/,
    ],
    [
      'ko',
      /먼저 실습 스택의 출력.*다음은 `scalelab:lab` = 내 스택 이름 태그, 마지막으로 이름이 스택 이름으로 시작하는지/,
    ],
  ])('states the lab rule on its console path (%s)', (locale, rule) => {
    const tabs = consoleTabs(readFileSync(`labs/${stage}/${locale}.mdx`, 'utf8'));
    expect(tabs.filter((t) => rule.test(t))).toHaveLength(1);
  });
});
