import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JourneyFinished } from '@/components/journey/journey-finished';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { journeyFinished } from '@/lib/journey/finished';
import type { JourneyStage, StageStatus } from '@/lib/labs/journey';
import { labs } from '@/lib/labs/registry';
import { stageStatuses } from '@/lib/progress/unlock';

const ids = labs.map((l) => l.id);
const at = (n: number) => new Date(Date.UTC(2026, 11, 1, 9, n));
/** The journey as the page builds it, from the unlock rule's statuses. */
const journey = (statuses: Record<string, StageStatus>): JourneyStage[] =>
  labs.map((lab) => ({ lab, status: statuses[lab.id] ?? 'locked' }));
const passedAll = ids.map((stageId, i) => ({ stageId, finishedAt: at(i) }));

describe('the journey is finished', () => {
  it('once the last stage’s required checks passed (every stage before it completed)', () => {
    const statuses = stageStatuses({ stages: ids, passedRuns: passedAll, overrides: [] });
    expect(journeyFinished(journey(statuses))).toBe(true);
  });

  it('not while the last stage is open but not passed', () => {
    const statuses = stageStatuses({ stages: ids, passedRuns: passedAll.slice(0, -1), overrides: [] });
    expect(statuses['06-go-global']).toBe('unlocked');
    expect(journeyFinished(journey(statuses))).toBe(false);
  });

  it('not when the last stage was reset after its passing run, nor before its quiz when quizzes gate', () => {
    const reset = stageStatuses({
      stages: ids,
      passedRuns: passedAll,
      overrides: [{ stageId: '06-go-global', kind: 'reset', createdAt: at(30) }],
    });
    expect(journeyFinished(journey(reset))).toBe(false);
    const gated = stageStatuses({
      stages: ids,
      passedRuns: passedAll,
      overrides: [],
      quizPassed: new Set(ids.slice(0, -1)),
    });
    expect(journeyFinished(journey(gated))).toBe(false);
  });

  it('not for an empty journey', () => {
    expect(journeyFinished([])).toBe(false);
  });
});

describe('the finished journey, as the journey page renders it', () => {
  const finished = journey(Object.fromEntries(ids.map((id) => [id, 'completed'])));
  const render = (locale: Locale) =>
    renderToStaticMarkup(createElement(JourneyFinished, { stages: finished, locale, t: translator(locale) }));

  it.each([
    ['en', 'You finished the journey', 'Read the ten commandments for ten million users again'],
    ['ko', '여정을 마쳤습니다', '천만 사용자를 위한 십계명 다시 읽기'],
  ] as const)(
    '%s: says it is finished, lists every stage built and links back to the capstone',
    (locale, title, link) => {
      const html = render(locale);
      expect(html).toContain('data-journey="finished"');
      expect(html).toContain(title);
      for (const lab of labs) expect(html).toContain(lab.title[locale]);
      expect(html).toContain(labs[labs.length - 1]?.milestone.label[locale]);
      expect(html).toMatch(new RegExp(`href="/${locale}/labs/06-go-global#capstone"[^>]*>${link}`));
      expect(html).toContain(`href="/${locale}/labs/06-go-global#clean-up"`);
      // It takes the resume card's place: nothing on it says "resume".
      expect(html).not.toMatch(/resume|이어 하기/i);
    },
  );

  it('links to anchors the last lab really has (the capstone heading and the clean-up step), in both languages', async () => {
    const { readFileSync } = await import('node:fs');
    const { mdxPath } = await import('@/lib/labs/content');
    for (const locale of ['en', 'ko'] as const) {
      const source = readFileSync(mdxPath('06-go-global', locale), 'utf8');
      expect(source, locale).toMatch(/<h2 id="capstone"[^>]*>[^<]*(ten commandments|십계명)/);
      expect(source, locale).toContain('<Step id="clean-up"');
    }
  });
});
