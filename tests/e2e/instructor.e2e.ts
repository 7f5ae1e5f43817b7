import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newLearnerContext } from './browser';
import { E2E_INSTRUCTOR } from './instructor-session';

const baseUrl = inject('baseUrl');
const shots = 'test-results/e2e';
const { email, password } = E2E_INSTRUCTOR;
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
    // No instructor yet: the sign-in page sends the visitor to first-run setup. (When accessibility.e2e.ts ran first on
    // this server, it set up the same instructor: then this signs in, and setup must still be closed below.)
    const firstRun = new URL(page.url()).pathname === '/en/instructor/setup';
    if (!firstRun) expect(new URL(page.url()).pathname).toBe('/en/instructor/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: firstRun ? 'Create instructor' : 'Sign in' }).click();
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
    // Every required check passed; the recommended ec2.scaled-up fails (Ana did not scale up) and does not gate.
    await expect(row('Ana').locator('[data-last-run]').textContent()).resolves.toMatch(/passed, [01] failed/);
    await expect(roster.locator('[data-summary-stage="00-one-user"]').textContent()).resolves.toBe(
      '1 of 3 passed stage 00',
    );
    await roster.screenshot({ path: `${shots}/instructor-roster.png`, fullPage: true });
    boPage = bo.page;
    await Promise.all([ana.ctx.close(), cy.ctx.close()]);
  });

  it('unlocks a stage for a learner, with the stages before it, and sorts and filters the roster from the keyboard', async () => {
    const actions = row('Bo').locator('[data-learner-actions]');
    await actions.getByLabel('Stage for Bo').selectOption('02-high-availability');
    await actions.getByRole('button', { name: 'Unlock' }).click();
    await actions.getByText('Unlocked: stage 01, 02.').waitFor({ timeout: 15_000 });
    await roster.waitForFunction(
      () =>
        document
          .querySelector('tr[data-learner="Bo"] li[data-stage="02-high-availability"]')
          ?.getAttribute('data-status') === 'unlocked',
      undefined,
      { timeout: 15_000 },
    );
    // Stage 01, before it, is unlocked too: Bo is never sent to a stage past a locked one.
    await expect(stageOf('Bo', '01-split-database').getAttribute('data-status')).resolves.toBe('unlocked');

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
    // Pending until the live roster shows the run finished, then what it found.
    await actions.getByText('Running checks…').waitFor({ timeout: 15_000 });
    await actions.getByText(/^Checks finished: \d+ passed, [01] failed\.$/).waitFor({ timeout: 30_000 });
    await expect(actions.getAttribute('data-pending')).resolves.toBe('none');
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
    // Reported when the stack is done, not when the action returns.
    await actions.getByText('Solution deployed: CREATE_COMPLETE.').waitFor({ timeout: 60_000 });
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
  it('shows the event’s settings, times and timer, its join link to copy and as a QR code', async () => {
    const settings = roster.locator('[data-event-settings]');
    await expect(settings.locator('[data-setting="stages"] dd').textContent()).resolves.toBe(
      '00, 01, 02, 03, 04, 05, 06',
    );
    await expect(settings.locator('[data-setting="fast-forward"] dd').textContent()).resolves.toBe('yes');
    await expect(settings.locator('[data-setting="ends"] dd').textContent()).resolves.toBe('not set');
    await expect(roster.locator('[data-event-timer]').textContent()).resolves.toContain('no end time set');
    await expect(roster.locator('svg[data-join-qr]').getAttribute('aria-label')).resolves.toBe(
      'QR code of the join link',
    );
    await instructor.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await roster.locator('[data-copy-join-link]').getByRole('button', { name: 'Copy join link' }).click();
    await roster
      .locator('[data-copy-join-link]')
      .getByText(/^Copied\.|^Copy failed/)
      .waitFor();
    await roster.screenshot({ path: `${shots}/instructor-event.png`, fullPage: true });
  });

  it('names each learner’s failing required checks and drills down to the last run with its evidence', async () => {
    // Cy never deployed: a re-run of stage 00 fails its required checks.
    const actions = row('Cy').locator('[data-learner-actions]');
    await actions.getByLabel('Stage for Cy').selectOption('00-one-user');
    await actions.getByRole('button', { name: 'Re-run checks' }).click();
    await actions.getByText(/^Checks finished: \d+ passed, [1-9]\d* failed\.$/).waitFor({ timeout: 30_000 });
    await roster.waitForFunction(
      () => (document.querySelector('tr[data-learner="Cy"] [data-failing]')?.getAttribute('data-failing') ?? '') !== '',
      undefined,
      { timeout: 15_000 },
    );
    const failing = (await row('Cy').locator('[data-failing]').getAttribute('data-failing'))?.split(' ') ?? [];
    expect(failing).toContain('ec2.web-instance-running');
    await expect(row('Cy').locator('[data-failing] li').first().textContent()).resolves.not.toMatch(/^ec2\./);
    await expect(row('Cy').locator('[data-on-stage]').textContent()).resolves.toMatch(/^\d+ min$|^stuck for \d+ min$/);

    // Ana's details: her last run of stage 00, each result with the evidence the checks stored.
    await row('Ana').getByRole('button', { name: /Ana/ }).click();
    const details = roster.locator('[data-learner-details]');
    await details.locator('[data-details-run]').waitFor({ timeout: 15_000 });
    await expect(details.locator('[data-detail-check][data-state="pass"]').count()).resolves.toBeGreaterThan(0);
    await expect(
      details.locator('[data-detail-check="ec2.web-instance-running"] .font-mono').textContent(),
    ).resolves.toMatch(/AWS::EC2::Instance|i-/);
    await expect(row('Ana').getByRole('button', { name: /Ana/ }).getAttribute('aria-expanded')).resolves.toBe('true');
    await row('Ana').getByRole('button', { name: /Ana/ }).click();
    await expect(details.count()).resolves.toBe(0);
  });

  it('resets a learner’s stage after a confirmation, and the learner’s page shows the reset', async () => {
    // Bo's page is open on stage 00 while the instructor resets it.
    await boPage.goto(`${baseUrl}/en/labs/00-one-user`);
    const actions = row('Bo').locator('[data-learner-actions]');
    await actions.getByLabel('Stage for Bo').selectOption('00-one-user');
    let said = '';
    roster.once('dialog', (d) => {
      said = d.message();
      void d.dismiss();
    });
    await actions.getByRole('button', { name: 'Reset' }).click();
    expect(said).toMatch(/^Reset stage 00 for Bo\?/);
    expect(said).toContain('lab stack and quiz answers are not changed');
    await expect(stageOf('Bo', '00-one-user').getAttribute('data-status')).resolves.toBe('completed');

    roster.once('dialog', (d) => void d.accept());
    await actions.getByRole('button', { name: 'Reset' }).click();
    await actions.getByText('Stage 00 is reset.').waitFor({ timeout: 15_000 });
    await roster.waitForFunction(
      () =>
        document.querySelector('tr[data-learner="Bo"] li[data-stage="00-one-user"]')?.getAttribute('data-status') ===
        'unlocked',
      undefined,
      { timeout: 15_000 },
    );
    // The open page says its progress changed (it asks every 30 s and when the tab comes back into view) and reloads.
    await boPage.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const changed = boPage.locator('[data-progress-changed]');
    await changed.waitFor({ timeout: 10_000 });
    await Promise.all([boPage.waitForEvent('load'), changed.getByRole('button', { name: 'Reload to see it' }).click()]);
    // No passing run left to announce the next stage, and the journey shows stage 00 to do again.
    await boPage.locator('[data-check-panel]').getByText('Not run yet').waitFor();
    await expect(boPage.locator('[data-run-outcome]').count()).resolves.toBe(0);
    await boPage.goto(`${baseUrl}/en`);
    await expect(boPage.locator('li[data-stage="00-one-user"]').getAttribute('data-status')).resolves.toBe('unlocked');
  });

  it('broadcasts a message to the room as a banner, in both languages, and takes it down', async () => {
    await boPage.goto(`${baseUrl}/en`);
    await expect(boPage.locator('[data-broadcast-banner]').count()).resolves.toBe(0);
    const form = roster.locator('[data-broadcast]');
    await form.getByLabel('Message to the room').fill('Break until 10:30, then stage 01 together');
    await form.getByRole('button', { name: 'Broadcast' }).click();
    await form.getByText(/^Shown to learners since/).waitFor({ timeout: 15_000 });
    // An open page asks again every 30 s and when its tab comes back into view: no reload needed.
    await boPage.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await boPage.locator('[data-broadcast-banner]').waitFor({ timeout: 10_000 });
    await boPage.goto(`${baseUrl}/en`);
    await expect(boPage.locator('[data-broadcast-banner]').textContent()).resolves.toContain('Break until 10:30');
    await boPage.goto(`${baseUrl}/ko/labs/00-one-user`);
    await expect(boPage.locator('[data-broadcast-banner]').textContent()).resolves.toContain('강사 메시지');
    await boPage.screenshot({ path: `${shots}/broadcast-ko.png` });
    await form.getByRole('button', { name: 'Take down' }).click();
    await form.getByText('No message is shown.').waitFor({ timeout: 15_000 });
    await boPage.goto(`${baseUrl}/en`);
    await expect(boPage.locator('[data-broadcast-banner]').count()).resolves.toBe(0);
  });

  it('bulk-unlocks a stage for the ticked learners', async () => {
    await row('Cy').getByLabel('Select Cy').check();
    await row('Dee').getByLabel('Select Dee').check();
    const bulk = roster.locator('[data-roster-bulk]');
    await expect(bulk.textContent()).resolves.toContain('2 learners selected');
    await bulk.getByLabel('Stage to unlock for the selected learners').selectOption('01-split-database');
    await bulk.getByRole('button', { name: 'Unlock for selected' }).click();
    await bulk.getByText('Unlocked for 2 learners.').waitFor({ timeout: 15_000 });
    for (const name of ['Cy', 'Dee']) {
      await roster.waitForFunction(
        (n) =>
          document
            .querySelector(`tr[data-learner="${n}"] li[data-stage="01-split-database"]`)
            ?.getAttribute('data-status') === 'unlocked',
        name,
        { timeout: 15_000 },
      );
    }
    await expect(stageOf('Ana', '01-split-database').getAttribute('data-status')).resolves.toBe('unlocked');
  });

  it('merges a duplicate learner into another and removes one who joined by mistake', async () => {
    await row('Dee').getByRole('button', { name: /Dee/ }).click();
    const details = roster.locator('[data-learner-details]');
    await details.getByLabel('Merge Dee into').selectOption({ label: 'Cy' });
    roster.once('dialog', (d) => void d.accept());
    await details.getByRole('button', { name: 'Merge' }).click();
    await row('Dee').waitFor({ state: 'detached', timeout: 15_000 });

    await row('Eve').getByRole('button', { name: /Eve/ }).click();
    roster.once('dialog', (d) => void d.accept());
    await roster.locator('[data-learner-details]').getByRole('button', { name: 'Remove' }).click();
    await row('Eve').waitFor({ state: 'detached', timeout: 15_000 });
    const names = await roster
      .locator('tr[data-learner]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-learner')));
    expect(names.sort()).toEqual(['Ana', 'Bo', 'Cy']);
  });

  it('edits the event, then closes it: the timer says ended and nobody can join', async () => {
    await roster.getByRole('link', { name: 'Edit event' }).click();
    await roster.waitForURL(`${baseUrl}/en/instructor/events/${eventId}/edit`);
    await expect(roster.getByLabel('Event name').inputValue()).resolves.toBe('Scaling day');
    await expect(roster.getByLabel('Learners may fast-forward to the solution').isChecked()).resolves.toBe(true);
    await roster.getByLabel('Event name').fill('Scaling day (afternoon)');
    const inTwoHours = new Date(Date.now() + 2 * 3600_000 + 60_000);
    const local = new Date(inTwoHours.getTime() - inTwoHours.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await roster.getByLabel('Ends (optional)').fill(local);
    await roster.getByRole('button', { name: 'Save changes' }).click();
    await roster.waitForURL(`${baseUrl}/en/instructor/events/${eventId}`);
    await expect(roster.locator('h1').textContent()).resolves.toBe('Scaling day (afternoon)');
    await expect(roster.locator('[data-event-timer]').textContent()).resolves.toMatch(/2 h 0[01] min left/);
    await expect(roster.locator('[data-join-code]').textContent()).resolves.toBe(joinCode);

    roster.once('dialog', (d) => void d.accept());
    await roster.getByRole('button', { name: 'Close event' }).click();
    await roster.locator('[data-event-closed]').waitFor({ timeout: 15_000 });
    await roster.locator('[data-event-timer="ended"]').waitFor({ timeout: 15_000 });

    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/join?code=${joinCode}`);
    await page.getByLabel('Your name').fill('Late');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('alert').filter({ hasText: /ended/i }).waitFor();
    await ctx.close();
  });
});
