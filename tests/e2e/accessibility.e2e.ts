import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, formatViolations } from './axe';
import { launchChromium, newLearnerContext, stackStatus } from './browser';
import { signInInstructor } from './instructor-session';

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

type Scheme = 'light' | 'dark';

/** A learner's browser in a language and a colour scheme (the site follows prefers-color-scheme). */
async function context(locale: string, colorScheme: Scheme): Promise<BrowserContext> {
  return browser.newContext({ locale, colorScheme, extraHTTPHeaders: { 'Accept-Language': locale } });
}

async function expectNoViolations(page: Page, path: string, where: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForLoadState('networkidle');
  const violations = await axeViolations(page);
  expect(violations, formatViolations(where, violations)).toEqual([]);
}

// The same pages in dark mode: every colour pair changes, so contrast is checked again.
const darkPages = ['/en', '/ko', '/en/labs/00-one-user', '/ko/labs/02-high-availability', '/ko/account', '/en/join'];

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

  it.each(darkPages)('%s in dark mode has no serious or critical violations', async (path) => {
    const ctx = await context(path.startsWith('/ko') ? 'ko-KR' : 'en-US', 'dark');
    const page = await ctx.newPage();
    await expectNoViolations(page, path, `${path} (dark)`);
    await ctx.close();
  });

  it.each(['light', 'dark'] as const)(
    'a lab page with a change set previewed, then a stack and check results (%s)',
    async (scheme) => {
      const ctx = await context('en-US', scheme);
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/en/labs/00-one-user`);
      const card = page.locator('[data-stack-card]');
      await card.getByRole('button', { name: 'Preview the launch' }).click();
      await card.locator('[data-change-set]').waitFor({ timeout: 30_000 });
      const preview = await axeViolations(page);
      expect(preview, formatViolations(`change set preview (${scheme})`, preview)).toEqual([]);

      await card.getByRole('button', { name: 'Deploy' }).click();
      await stackStatus(page, 'CREATE_COMPLETE');
      const panel = page.locator('[data-check-panel]');
      await panel.getByRole('button', { name: 'Run checks' }).click();
      await panel.locator('[data-run-outcome]').waitFor({ timeout: 30_000 });
      const after = await axeViolations(page);
      await ctx.close();
      expect(after, formatViolations(`stack and check results (${scheme})`, after)).toEqual([]);
    },
  );

  it('signed-in instructor pages (dashboard, new event, live roster with a learner, settings), en and ko, light and dark', async () => {
    const instructor = await context('en-US', 'light');
    await signInInstructor(instructor, baseUrl);
    const page = await instructor.newPage();
    await page.goto(`${baseUrl}/en/instructor/events/new`);
    await page.getByLabel('Event name').fill('Accessible day');
    await page.locator('input[name="accountModes"][value="sandbox"]').check();
    await page.getByRole('button', { name: 'Create event' }).click();
    await page.waitForURL(/\/en\/instructor\/events\/[0-9a-f-]{36}$/);
    const eventPath = new URL(page.url()).pathname.replace(/^\/en/, '');
    const code = ((await page.locator('[data-join-code]').textContent()) ?? '').trim();

    // A learner in the room, with a check run: the roster's rows, badges and drill-down have something to show.
    const learner = await newLearnerContext(browser);
    const learnerPage = await learner.newPage();
    await learnerPage.goto(`${baseUrl}/en/join?code=${code.toLowerCase()}`);
    await learnerPage.getByLabel('Your name').fill('Ada');
    await learnerPage.getByRole('button', { name: 'Join' }).click();
    await learnerPage.waitForURL(`${baseUrl}/en`);
    await learnerPage.goto(`${baseUrl}/en/labs/00-one-user`);
    const panel = learnerPage.locator('[data-check-panel]');
    await panel.getByRole('button', { name: 'Run checks' }).click();
    await panel.locator('[data-run-outcome]').waitFor({ timeout: 30_000 });
    await learner.close();
    await page.close();

    const paths = ['/instructor', '/instructor/events/new', eventPath, `${eventPath}/edit`];
    // Every page in every language and scheme is checked before the test fails, so one run lists all that is wrong.
    const found: string[] = [];
    const check = async (view: Page, where: string) => {
      const violations = await axeViolations(view);
      if (violations.length) found.push(formatViolations(where, violations));
    };
    for (const scheme of ['light', 'dark'] as const) {
      for (const lang of ['en', 'ko'] as const) {
        const ctx = await browser.newContext({
          locale: lang === 'ko' ? 'ko-KR' : 'en-US',
          colorScheme: scheme,
          storageState: await instructor.storageState(),
        });
        const view = await ctx.newPage();
        for (const path of paths) {
          await view.goto(`${baseUrl}/${lang}${path}`);
          await view.waitForLoadState('networkidle');
          // The live roster: wait for the learner's row, with her check run.
          if (path === eventPath) await view.locator('tr[data-learner="Ada"]').waitFor({ timeout: 15_000 });
          await check(view, `/${lang}${path} (${scheme})`);
        }
        await ctx.close();
      }
    }
    await instructor.close();
    expect(found, found.join('\n')).toEqual([]);
  });
});
