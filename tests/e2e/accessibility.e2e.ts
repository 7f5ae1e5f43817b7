import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, formatViolations } from './axe';
import { launchChromium, newLearnerContext, stackStatus } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  mkdirSync('test-results/e2e', { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// What a fresh learner (and a visitor who is not yet an instructor) sees: stage 00 open, 02 locked.
const pages = [
  '/en',
  '/ko',
  '/en/labs/00-one-user',
  '/ko/labs/00-one-user',
  '/ko/labs/02-high-availability',
  '/en/account',
  '/ko/account',
  '/en/join',
  '/ko/join',
  '/en/instructor/login',
];

describe('accessibility (axe-core, serious and critical violations)', () => {
  it.each(pages)('%s has no serious or critical violations', async (path) => {
    const ctx = await newLearnerContext(browser, path.startsWith('/ko') ? 'ko-KR' : 'en-US');
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}${path}`);
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    await ctx.close();
    expect(violations, formatViolations(path, violations)).toEqual([]);
  });

  it('a lab page with a change set previewed, then a stack and check results', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const card = page.locator('[data-stack-card]');
    await card.getByRole('button', { name: 'Preview the launch' }).click();
    await card.locator('[data-change-set]').waitFor({ timeout: 30_000 });
    const preview = await axeViolations(page);
    expect(preview, formatViolations('change set preview', preview)).toEqual([]);

    await card.getByRole('button', { name: 'Deploy' }).click();
    await stackStatus(page, 'CREATE_COMPLETE');
    const panel = page.locator('[data-check-panel]');
    await panel.getByRole('button', { name: 'Run checks' }).click();
    await panel.locator('[data-run-outcome]').waitFor({ timeout: 30_000 });
    const after = await axeViolations(page);
    await ctx.close();
    expect(after, formatViolations('stack and check results', after)).toEqual([]);
  });
});
