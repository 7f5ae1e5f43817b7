import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, stackStatus } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Console errors and uncaught page errors (React reports a hydration mismatch, #418, as an uncaught error). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
const hydration = (errors: string[]) => errors.filter((e) => /hydrat|#418|#423|#425/i.test(e));

describe('server and browser render the same page (no React hydration error #418)', () => {
  // A time zone other than the server's (UTC here): a time rendered on the server would differ in the browser.
  it.each([
    ['en', 'en-US'],
    ['ko', 'ko-KR'],
  ])('(%s) the journey and a lab page after a check run', async (lang, locale) => {
    const ctx = await browser.newContext({ locale, timezoneId: 'Asia/Seoul', viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}/${lang}`);
    await page.waitForLoadState('networkidle');
    await page.goto(`${baseUrl}/${lang}/labs/00-one-user`);
    await page.waitForLoadState('networkidle');
    // A check run gives the panel its "Last run" time, rendered on the server after a reload.
    const panel = page.locator('[data-check-panel]');
    await panel.getByRole('button', { name: /^(Run checks|검사 실행)$/ }).click();
    await panel.locator('[data-run-outcome]').waitFor({ timeout: 30_000 });
    await page.reload();
    await page.waitForLoadState('networkidle');
    await panel.locator('[data-run-outcome]').waitFor();
    await expect(panel.textContent()).resolves.toMatch(/Last run|마지막 실행/);
    await page.goto(`${baseUrl}/${lang}`);
    await page.waitForLoadState('networkidle');
    await ctx.close();
    expect(hydration(errors), hydration(errors).join('\n')).toEqual([]);
  });

  it('a lab page with a deployed stack (its uptime) after a reload', async () => {
    const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Seoul' });
    const page = await ctx.newPage();
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const card = page.locator('[data-stack-card]');
    await card.getByRole('button', { name: 'Preview the launch' }).click();
    await card.locator('[data-change-set]').waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Deploy' }).click();
    await stackStatus(page, 'CREATE_COMPLETE');
    await page.reload();
    await page.waitForLoadState('networkidle');
    // The uptime appears once the page is live (it is not rendered on the server).
    await expect(card.locator('[data-cost-meter]').textContent()).resolves.toMatch(/Up for \d+ min/);
    await ctx.close();
    expect(hydration(errors), hydration(errors).join('\n')).toEqual([]);
  });
});
