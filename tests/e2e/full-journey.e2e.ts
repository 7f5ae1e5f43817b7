import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import lab05 from '@/labs/05-decouple/lab';
import lab06 from '@/labs/06-go-global/lab';
import { launchChromium, newLearnerContext } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const stages = [
  '00-one-user',
  '01-split-database',
  '02-high-availability',
  '03-scale-out',
  '04-cache-automate-secure',
  '05-decouple',
  '06-go-global',
] as const;
/** Recommended checks the solution leaves failing on purpose: the costed stretch is never deployed by default. */
const leftFailing: Partial<Record<(typeof stages)[number], string[]>> = { '06-go-global': ['aurora.global-database'] };
const quizzes = { '05-decouple': lab05.quiz, '06-go-global': lab06.quiz } as const;
/** The learner's finished template: stage 00's task ends scaled up (ec2.scaled-up), the others at their solution. */
const solution = (stage: string) => {
  const text = readFileSync(`templates/${stage}/solution.yaml`, 'utf8');
  return stage === '00-one-user' ? text.replace('Default: t3.micro', 'Default: t3.small') : text;
};

async function waitForAttr(page: Page, selector: string, attr: string, value: string, timeout = 60_000) {
  await page.waitForFunction(
    ([s, a, v]) => document.querySelector(s as string)?.getAttribute(a as string) === v,
    [selector, attr, value],
    { timeout },
  );
}

/**
 * The template-editor path of the labs, in Korean: at each stage the learner's template becomes the stage's solution
 * (what the steps' editor tabs build, change by change), is previewed as a change set, deployed into the sandbox, and
 * graded; the next stage unlocks each time. Stage 06 launches the pair (the secondary in the second region first), the
 * quizzes of 05 and 06 are answered, and the journey page shows the journey finished.
 */
describe('the journey from one user to ten million, in the sandbox', () => {
  it('goes 00 → 01 → 02 → 03 → 04 → 05 → 06 (two regions) through the template editor and finishes', async () => {
    const ctx = await newLearnerContext(browser, 'ko-KR');
    const page = await ctx.newPage();
    for (const stage of stages) {
      await page.goto(`${baseUrl}/ko/labs/${stage}`);
      await expect(page.locator('[data-locked="true"]').count()).resolves.toBe(0);
      await page.locator('#template-editor summary').click();
      await page.locator('[data-template-editor] [data-ready="true"]').waitFor();
      await page.locator('[data-template-editor] .cm-content').click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.insertText(solution(stage));
      await waitForAttr(page, '[data-lint-status]', 'data-lint-status', '0');
      await page.locator('[data-template-editor] button').first().click();
      const card = page.locator('[data-stack-card]');
      if (stage === '06-go-global') {
        // The pair: the second region is chosen on the card (default us-west-2 for us-east-1); the secondary's
        // change set comes first, then, once it is deployed, the primary's with the secondary's outputs.
        await expect(card.locator('#second-region').inputValue()).resolves.toBe('us-west-2');
        await card.locator('[data-change-set-target="secondary"]').waitFor({ timeout: 60_000 });
        await card.locator('[data-change-set] button').first().click();
        await card.locator('[data-change-set-target="primary"]').waitFor({ timeout: 120_000 });
        await expect(card.locator('[data-secondary-status]').getAttribute('data-secondary-status')).resolves.toMatch(
          /^CREATE_COMPLETE$/,
        );
      } else {
        await card.locator('[data-change-set]').waitFor({ timeout: 60_000 });
      }
      await card.locator('[data-change-set] button').first().click();
      await page.waitForFunction(
        () => /_COMPLETE$/.test(document.querySelector('[data-stack-status]')?.getAttribute('data-stack-status') ?? ''),
        undefined,
        { timeout: 120_000 },
      );
      const status = await card.locator('[data-stack-status]').getAttribute('data-stack-status');
      expect(status, stage).toMatch(/^(CREATE|UPDATE)_COMPLETE$/);
      await page.waitForTimeout(2_100); // the e2e server's cool-down between check runs
      await page.locator('[data-check-panel] button').first().click();
      await page.locator('[data-run-outcome]').waitFor({ timeout: 30_000 });
      const outcome = await page.locator('[data-run-outcome]').getAttribute('data-run-outcome');
      const failing = await page
        .locator('[data-check][data-state="fail"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-check')));
      expect({ stage, outcome, failing }).toEqual({ stage, outcome: 'passed', failing: leftFailing[stage] ?? [] });
      if (stage === '05-decouple' || stage === '06-go-global') {
        // The quiz, answered right: each question's answer, submitted, comes back correct.
        for (const q of quizzes[stage]) {
          const question = page.locator(`[data-question="${q.id}"]`);
          for (const a of q.answer) await question.locator(`input[value="${a}"]`).check();
          await question.locator('button[type="submit"]').click();
          await expect(question.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('correct');
        }
      }
    }
    await page.goto(`${baseUrl}/ko`);
    for (const stage of stages) {
      await expect(page.locator(`li[data-stage="${stage}"]`).getAttribute('data-status')).resolves.toBe('completed');
    }
    // The journey is finished: said in Korean in place of "resume", with what was built and the way back to the capstone.
    const finished = page.locator('[data-journey="finished"]');
    await expect(finished.locator('h2').textContent()).resolves.toContain('여정을 마쳤습니다');
    await expect(finished.locator('[data-journey-built] li').count()).resolves.toBe(stages.length);
    await expect(page.locator('[data-resume]').count()).resolves.toBe(0);
    await expect(page.getByText('이어 하기').count()).resolves.toBe(0);
    await page.screenshot({ path: 'test-results/e2e/journey-ko-finished.png', fullPage: false });
    await finished.locator('[data-journey-capstone]').click();
    await page.waitForURL('**/ko/labs/06-go-global#capstone');
    await expect(page.locator('#capstone').textContent()).resolves.toContain('십계명');

    // Back on an earlier stage's page, launching its start template would roll the stack back: the card says so and
    // asks first; dismissing the question changes nothing.
    await page.goto(`${baseUrl}/ko/labs/02-high-availability`);
    const card = page.locator('[data-stack-card]');
    await expect(card.locator('[data-later-stage]').getAttribute('data-later-stage')).resolves.toBe('06-go-global');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await card.locator('button').first().click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('스테이지 06');
    await expect(card.locator('[data-change-set]').count()).resolves.toBe(0);
    await ctx.close();
  }, 600_000);
});
