import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newLearnerContext } from './browser';

const baseUrl = inject('baseUrl');
const shots = 'test-results/e2e';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the learner journey', () => {
  it('redirects / to the language the browser prefers', async () => {
    const ko = await newLearnerContext(browser, 'ko-KR');
    const page = await ko.newPage();
    await page.goto(baseUrl);
    expect(new URL(page.url()).pathname).toBe('/ko');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
    await ko.close();
  });

  it('shows the seven stages in English with stage 00 open and stage 01 locked', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en`);
    await expect(page.locator('h1').textContent()).resolves.toContain('From 1 user to 10 million');
    const cards = page.locator('li[data-stage]');
    await expect(cards.count()).resolves.toBe(7);
    await expect(page.locator('li[data-stage="00-one-user"]').getAttribute('data-status')).resolves.toBe('unlocked');
    await expect(page.locator('li[data-stage="01-split-database"]').getAttribute('data-status')).resolves.toBe(
      'locked',
    );
    // A locked stage is not a link.
    await expect(page.locator('li[data-stage="01-split-database"] a').count()).resolves.toBe(0);
    await page.screenshot({ path: `${shots}/journey-en.png`, fullPage: true });
    await ctx.close();
  });

  it('opens stage 00, switches to Korean on the same page, and keeps the steps', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en`);
    await page.locator('li[data-stage="00-one-user"] h3 a').click();
    await page.waitForURL('**/en/labs/00-one-user');
    const stepsEn = await page.locator('article li[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(stepsEn).toContain('launch');
    expect(stepsEn).toContain('scale-up');
    await expect(page.locator('aside [data-check="ec2.web-instance-running"]').count()).resolves.toBe(1);
    await page.screenshot({ path: `${shots}/stage-00-en.png`, fullPage: true });

    await page.getByRole('link', { name: /한국어/ }).click();
    await page.waitForURL('**/ko/labs/00-one-user');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
    const stepsKo = await page.locator('article li[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(stepsKo).toEqual(stepsEn);
    await expect(page.locator('body').textContent()).resolves.toMatch(/[가-힣]{4,}/);
    await page.screenshot({ path: `${shots}/stage-00-ko.png`, fullPage: true });
    await ctx.close();
  });

  it('refuses a locked stage reached by URL and shows the way back', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/labs/02-high-availability`);
    await expect(page.locator('[data-locked="true"]').count()).resolves.toBe(1);
    await expect(page.locator('article').count()).resolves.toBe(0);
    await page.getByRole('link', { name: /Go to Stage 01/ }).click();
    await page.waitForURL('**/en/labs/01-split-database');
    // 01 is locked as well for a new learner.
    await expect(page.locator('[data-locked="true"]').count()).resolves.toBe(1);
    await ctx.close();
  });

  it('checks a quiz answer on the server and remembers it', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const question = page.locator('li[data-question]').first();
    await question.locator('input').first().check();
    await question.getByRole('button').click();
    const verdict = question.locator('[data-verdict]');
    await verdict.waitFor();
    const first = await verdict.getAttribute('data-verdict');
    expect(['correct', 'incorrect']).toContain(first);
    await page.reload();
    await expect(
      page.locator('li[data-question]').first().locator('[data-verdict]').getAttribute('data-verdict'),
    ).resolves.toBe(first);
    await ctx.close();
  });
});
