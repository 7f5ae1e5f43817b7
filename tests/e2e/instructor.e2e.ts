import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newLearnerContext } from './browser';

const baseUrl = inject('baseUrl');
const shots = 'test-results/e2e';
const email = 'lead@example.com';
const password = 'a long workshop password';
let browser: Browser;
let instructor: BrowserContext;
let roster: Page;
let eventId = '';
let joinCode = '';
/** Bo's browser stays open after the workshop test: the fast-forward and clean-up tests look through it. */
let boPage: Page;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
  instructor = await newLearnerContext(browser);
});
afterAll(async () => {
  await browser?.close();
});

const row = (name: string) => roster.locator(`tr[data-learner="${name}"]`);
const stageOf = (name: string, stage: string) => row(name).locator(`li[data-stage="${stage}"]`);

async function join(name: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await newLearnerContext(browser);
  const page = await ctx.newPage();
  await page.goto(`${baseUrl}/en/join?code=${joinCode.toLowerCase()}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.waitForURL(`${baseUrl}/en`);
  return { ctx, page };
}

describe('an instructor-led workshop in the sandbox', () => {
  it('sets up the first instructor, then closes setup', async () => {
    const page = await instructor.newPage();
    await page.goto(`${baseUrl}/en/instructor`);
    // No instructor yet: the sign-in page sends the visitor to first-run setup.
    expect(new URL(page.url()).pathname).toBe('/en/instructor/setup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create instructor' }).click();
    await page.waitForURL(`${baseUrl}/en/instructor`);
    await expect(page.locator('[data-instructor-email]').textContent()).resolves.toBe(email);

    const cookie = (await instructor.cookies()).find((c) => c.name === 'scalelab_instructor');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const late = await newLearnerContext(browser);
    const other = await late.newPage();
    await other.goto(`${baseUrl}/en/instructor/setup`);
    expect(new URL(other.url()).pathname).toBe('/en/instructor/login');
    await late.close();
    await page.close();
  });

  it('creates an event and shows its join code and an empty live roster', async () => {
    roster = await instructor.newPage();
    await roster.goto(`${baseUrl}/en/instructor/events/new`);
    await roster.getByLabel('Event name').fill('Scaling day');
    await roster.getByLabel('Learners may fast-forward to the solution').check();
    // A refusal keeps what was typed: no account mode chosen → the error, the name and the ticks are still there.
    const modes = roster.locator('input[name="accountModes"]');
    for (let i = 0; i < (await modes.count()); i++) await modes.nth(i).uncheck();
    await roster.getByRole('button', { name: 'Create event' }).click();
    await roster
      .getByRole('alert')
      .filter({ hasText: /account/i })
      .waitFor();
    await expect(roster.getByLabel('Event name').inputValue()).resolves.toBe('Scaling day');
    await expect(roster.getByLabel('Learners may fast-forward to the solution').isChecked()).resolves.toBe(true);
    await roster.locator('input[name="accountModes"][value="sandbox"]').check();
    await roster.getByRole('button', { name: 'Create event' }).click();
    await roster.waitForURL(/\/en\/instructor\/events\/[0-9a-f-]{36}$/);
    eventId = new URL(roster.url()).pathname.split('/').pop() ?? '';
    joinCode = (await roster.locator('[data-join-code]').textContent()) ?? '';
    expect(joinCode).toMatch(/^[A-Z2-9]{6}$/);
    await expect(roster.locator('[data-join-link]').textContent()).resolves.toContain(`/en/join?code=${joinCode}`);
    await roster.locator('[data-roster][data-live="open"]').waitFor({ timeout: 15_000 });
    await roster.locator('[data-roster-empty]').waitFor();
  });

  it('keeps learners out of instructor pages, the roster stream and the exports', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    for (const path of ['/en/instructor', `/en/instructor/events/${eventId}`, '/en/instructor/events/new']) {
      await page.goto(`${baseUrl}${path}`);
      expect(new URL(page.url()).pathname).toBe('/en/instructor/login');
    }
    for (const path of ['roster', 'export?format=csv', 'export?format=json']) {
      const res = await page.request.get(`${baseUrl}/api/instructor/events/${eventId}/${path}`);
      expect(res.status()).toBe(401);
    }
    // A forged instructor cookie is no better.
    await ctx.addCookies([{ name: 'scalelab_instructor', value: 'A'.repeat(43), url: baseUrl }]);
    expect((await page.request.get(`${baseUrl}/api/instructor/events/${eventId}/roster`)).status()).toBe(401);
    await ctx.close();
  });

  it('runs a three-learner workshop: learners join, one passes stage 00, the roster follows live', async () => {
    const ana = await join('Ana');
    const bo = await join('Bo');
    const cy = await join('Cy');
    await row('Cy').waitFor({ timeout: 15_000 });
    await expect(roster.locator('tr[data-learner]').count()).resolves.toBe(3);
    await expect(roster.locator('[data-summary-stage="00-one-user"]').textContent()).resolves.toBe(
      '0 of 3 passed stage 00',
    );

    // Ana deploys stage 00 into her sandbox and passes its checks.
    const page = ana.page;
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const card = page.locator('[data-stack-card]');
    await card.getByRole('button', { name: 'Preview the launch' }).click();
    await card.locator('[data-change-set]').waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Deploy' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-stack-status]')?.getAttribute('data-stack-status') === 'CREATE_COMPLETE',
      undefined,
      { timeout: 60_000 },
    );
    await page.locator('[data-check-panel]').getByRole('button', { name: 'Run checks' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-run-outcome]')?.getAttribute('data-run-outcome') === 'passed',
      undefined,
      { timeout: 30_000 },
    );

    await roster.waitForFunction(
      () =>
        document.querySelector('tr[data-learner="Ana"] li[data-stage="00-one-user"]')?.getAttribute('data-status') ===
        'completed',
      undefined,
      { timeout: 15_000 },
    );
    // The stored operation (lib/stacks records its start; the live status is on the learner's page).
    await expect(row('Ana').locator('[data-stack-status]').getAttribute('data-stack-status')).resolves.toMatch(
      /^CREATE_/,
    );
    await expect(row('Ana').locator('[data-current-stage]').getAttribute('data-current-stage')).resolves.toBe(
      '01-split-database',
    );
    await expect(row('Ana').locator('[data-last-run]').textContent()).resolves.toMatch(/passed, 0 failed/);
    await expect(roster.locator('[data-summary-stage="00-one-user"]').textContent()).resolves.toBe(
      '1 of 3 passed stage 00',
    );
    await roster.screenshot({ path: `${shots}/instructor-roster.png`, fullPage: true });
    boPage = bo.page;
    await Promise.all([ana.ctx.close(), cy.ctx.close()]);
  });

  it('unlocks a stage for a learner and sorts and filters the roster from the keyboard', async () => {
    const actions = row('Bo').locator('[data-learner-actions]');
    await actions.getByLabel('Stage for Bo').selectOption('02-high-availability');
    await actions.getByRole('button', { name: 'Unlock' }).click();
    await roster.waitForFunction(
      () =>
        document
          .querySelector('tr[data-learner="Bo"] li[data-stage="02-high-availability"]')
          ?.getAttribute('data-status') === 'unlocked',
      undefined,
      { timeout: 15_000 },
    );
    await expect(stageOf('Bo', '01-split-database').getAttribute('data-status')).resolves.toBe('locked');

    // Sorted by learner ascending at first; Enter on the focused header button turns it to descending.
    await roster.getByRole('button', { name: /^Learner/ }).focus();
    await roster.keyboard.press('Enter');
    const names = await roster
      .locator('tr[data-learner]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-learner')));
    expect(names).toEqual(['Cy', 'Bo', 'Ana']);

    await roster.getByLabel('Filter by name').fill('an');
    await expect(roster.locator('tr[data-learner]').count()).resolves.toBe(1);
    await roster.getByLabel('Filter by name').fill('');
    await roster.getByLabel('Current stage', { exact: true }).selectOption('01-split-database');
    await expect(roster.locator('tr[data-learner]').count()).resolves.toBe(1);
    await roster.getByLabel('Current stage', { exact: true }).selectOption('');
  });

  it('re-runs a learner’s checks now, and the roster shows the new run', async () => {
    const before = await row('Ana').locator('[data-last-run]').getAttribute('data-run-started');
    await roster.waitForTimeout(2_100); // the e2e server's cool-down between two runs of one learner
    const actions = row('Ana').locator('[data-learner-actions]');
    await actions.getByLabel('Stage for Ana').selectOption('00-one-user');
    await actions.getByRole('button', { name: 'Re-run checks' }).click();
    await actions.getByText('Done.').waitFor({ timeout: 15_000 });
    await roster.waitForFunction(
      (old) => {
        const cell = document.querySelector('tr[data-learner="Ana"] [data-last-run]');
        return cell?.getAttribute('data-last-run') === 'finished' && cell.getAttribute('data-run-started') !== old;
      },
      before,
      { timeout: 30_000 },
    );
    await expect(stageOf('Ana', '00-one-user').getAttribute('data-status')).resolves.toBe('completed');
  });

  it('fast-forwards a learner: after a confirmation, the stage’s solution is deployed into their sandbox', async () => {
    await expect(row('Bo').locator('[data-stack-status]').getAttribute('data-stack-status')).resolves.toBe('NONE');
    const actions = row('Bo').locator('[data-learner-actions]');
    await actions.getByLabel('Stage for Bo').selectOption('00-one-user');
    // Dismissed: nothing happens.
    roster.once('dialog', (d) => void d.dismiss());
    await actions.getByRole('button', { name: 'Fast-forward' }).click();
    await expect(row('Bo').locator('[data-stack-status]').getAttribute('data-stack-status')).resolves.toBe('NONE');
    roster.once('dialog', (d) => void d.accept());
    await actions.getByRole('button', { name: 'Fast-forward' }).click();
    await actions.getByText('Done.').waitFor({ timeout: 30_000 });
    await roster.waitForFunction(
      () =>
        document.querySelector('tr[data-learner="Bo"] [data-stack-status]')?.getAttribute('data-stack-status') ===
        'CREATE_COMPLETE',
      undefined,
      { timeout: 60_000 },
    );
    // Bo's own page shows the deployed stack, and its checks pass.
    await boPage.goto(`${baseUrl}/en/labs/00-one-user`);
    await boPage.locator('[data-stack-status="CREATE_COMPLETE"]').waitFor({ timeout: 30_000 });
    await boPage.locator('[data-check-panel]').getByRole('button', { name: 'Run checks' }).click();
    await boPage.waitForFunction(
      () => document.querySelector('[data-run-outcome]')?.getAttribute('data-run-outcome') === 'passed',
      undefined,
      { timeout: 30_000 },
    );
  });

  it('reminds the room to clean up: a banner on the journey and stage pages of learners whose stack exists', async () => {
    await boPage.goto(`${baseUrl}/en`);
    await expect(boPage.locator('[data-cleanup-banner]').count()).resolves.toBe(0);
    roster.once('dialog', (d) => void d.accept());
    await roster.locator('[data-remind-cleanup]').getByRole('button', { name: 'Remind to clean up' }).click();
    await roster
      .locator('[data-remind-cleanup]')
      .getByText(/^Reminded at/)
      .waitFor({ timeout: 15_000 });

    await boPage.goto(`${baseUrl}/en`);
    await expect(boPage.locator('[data-cleanup-banner]').textContent()).resolves.toMatch(/Scaling day.*clean up/);
    await boPage.goto(`${baseUrl}/ko/labs/00-one-user`);
    await expect(boPage.locator('[data-cleanup-banner]').textContent()).resolves.toContain('정리');

    // A learner without a lab stack is not bothered.
    const { ctx, page } = await join('Dee');
    await expect(page.locator('[data-cleanup-banner]').count()).resolves.toBe(0);
    await ctx.close();
  });

  it('exports the event as CSV and JSON for the instructor', async () => {
    const csv = await roster.request.get(`${baseUrl}/api/instructor/events/${eventId}/export?format=csv`);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark: Excel opens it as UTF-8
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^row,learner_id,display_name,account,stage,stage_status/);
    expect(text).toMatch(/^check,[^,]*,Ana,[^,]*,00-one-user,completed,finished,/m);
    expect(text).toMatch(/^learner,[^,]*,Ana,/m);
    const json = await roster.request.get(`${baseUrl}/api/instructor/events/${eventId}/export?format=json`);
    const body = (await json.json()) as { learners: { displayName: string }[] };
    expect(body.learners.map((l) => l.displayName).sort()).toEqual(['Ana', 'Bo', 'Cy', 'Dee']);
  });

  it('keeps the learner’s name after a wrong join code, and the retry joins', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/join`);
    await page.getByLabel('Join code').fill('ZZZZZZ');
    await page.getByLabel('Your name').fill('Eve');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('alert').filter({ hasText: /code/i }).waitFor();
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Eve');
    await expect(page.getByLabel('Join code').inputValue()).resolves.toBe('ZZZZZZ');
    await page.screenshot({ path: `${shots}/join-kept-values.png` });
    await page.getByLabel('Join code').fill(joinCode);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(`${baseUrl}/en`);
    await ctx.close();
  });
});
