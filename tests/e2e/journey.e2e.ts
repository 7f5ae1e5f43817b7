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

describe('where am I on a lab page', () => {
  const stepState = (step: string) => `[data-step-toc] li[data-step-link="${step}"]`;

  it('lists the steps with their state, follows the scroll, and updates steps and markers after a run without a reload', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const toc = page.locator('[data-step-toc]');
    await expect(toc.getByRole('heading', { name: 'Steps' }).isVisible()).resolves.toBe(true);
    const steps = await toc
      .locator('li[data-step-link]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-step-link')));
    const anchors = await page.locator('article li[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(steps).toEqual(anchors);
    // Nothing run yet: a step with checks is "not yet", a step without any has no state.
    await expect(page.locator(stepState('launch')).getAttribute('data-step-state')).resolves.toBe('todo');
    await expect(page.locator(stepState('budget')).getAttribute('data-step-state')).resolves.toBe('none');
    await expect(
      page.locator('[data-inline-check="ec2.web-instance-running"]').getAttribute('data-state'),
    ).resolves.toBe('not-run');

    // Reading a step highlights it.
    await page.evaluate(() => document.getElementById('elastic-ip')?.scrollIntoView({ block: 'start' }));
    await page.locator('[data-step-toc][data-current-step="elastic-ip"]').waitFor({ timeout: 5_000 });
    await expect(page.locator(`${stepState('elastic-ip')} a`).getAttribute('aria-current')).resolves.toBe('location');

    // A run with nothing deployed: the markers and the steps follow it live (the URL, hence no reload, stays).
    const before = page.url();
    await page.locator('[data-check-panel]').getByRole('button', { name: 'Run checks' }).click();
    await page.locator('[data-run-outcome="not-passed"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-inline-check="ec2.web-instance-running"][data-state="fail"]').waitFor({ timeout: 5_000 });
    await expect(page.locator(stepState('launch')).getAttribute('data-step-state')).resolves.toBe('failing');
    expect(page.url()).toBe(before);
    await expect(toc.textContent()).resolves.toMatch(/0 of \d+ steps done/);
    await page.screenshot({ path: `${shots}/stage-00-toc-en.png` });

    // Keyboard: Enter on a focused link of the contents goes to that step.
    await page.locator(`${stepState('scale-up')} a`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/en/labs/00-one-user#scale-up');
    await page.locator('[data-step-toc][data-current-step="scale-up"]').waitFor({ timeout: 5_000 });
    await page.waitForTimeout(1_000); // the step read last is saved after 0.8 s

    // The journey offers to resume there.
    await page.goto(`${baseUrl}/en`);
    await page.locator('[data-resume="00-one-user"][data-resume-step="scale-up"]').waitFor({ timeout: 5_000 });
    await page.getByRole('link', { name: /^Resume/ }).click();
    await page.waitForURL('**/en/labs/00-one-user#scale-up');
    await ctx.close();
  });

  it('below 1024 px keeps the steps one tap away in a sheet that Esc closes', async () => {
    const ctx = await newLearnerContext(browser, 'ko-KR');
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/ko/labs/00-one-user`);
    const toggle = page.locator('[data-toc-toggle]');
    await expect(toggle.isVisible()).resolves.toBe(true);
    await expect(toggle.textContent()).resolves.toContain('실습 절차');
    await expect(page.locator('[data-toc-sheet]').isVisible()).resolves.toBe(false);
    await toggle.click();
    await page.locator('[data-toc-sheet="open"]').waitFor();
    await expect(page.locator('[data-toc-sheet]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${shots}/stage-00-toc-ko-390.png` });
    await page.keyboard.press('Escape');
    await page.locator('[data-toc-sheet="closed"]').waitFor({ state: 'attached' }); // closed = hidden
    await expect(toggle.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await toggle.click();
    await page.locator('[data-toc-sheet] li[data-step-link="security-group"] a').click();
    await page.waitForURL('**/ko/labs/00-one-user#security-group');
    await page.locator('[data-toc-sheet="closed"]').waitFor({ state: 'attached' }); // closed = hidden
    await ctx.close();
  });

  it('resets a stage after a confirmation that says what it does, and the page starts over', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const panel = page.locator('[data-check-panel]');
    await panel.getByRole('button', { name: 'Run checks' }).click();
    await page.locator('[data-run-outcome]').waitFor({ timeout: 30_000 });

    let said = '';
    page.once('dialog', (d) => {
      said = d.message();
      void d.dismiss();
    });
    await page.locator('[data-reset-stage]').getByRole('button', { name: 'Reset this stage' }).click();
    expect(said).toMatch(/Reset stage 00\?/);
    expect(said).toMatch(/lab stack is not changed/);
    await expect(page.locator('[data-run-outcome]').count()).resolves.toBe(1);

    page.once('dialog', (d) => void d.accept());
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('[data-reset-stage]').getByRole('button', { name: 'Reset this stage' }).click(),
    ]);
    await panel.getByText('Not run yet').waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-run-outcome]').count()).resolves.toBe(0);
    await expect(
      page.locator('[data-inline-check="ec2.web-instance-running"]').getAttribute('data-state'),
    ).resolves.toBe('not-run');
    await ctx.close();
  });
});
