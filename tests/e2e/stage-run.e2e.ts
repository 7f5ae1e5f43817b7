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

describe('a learner in the sandbox', () => {
  it('fails the checks before launching, launches stage 00 through a change set, passes, and unlocks stage 01', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const panel = page.locator('[data-check-panel]');
    const card = page.locator('[data-stack-card]');
    await expect(card.locator('[data-stack-status]').getAttribute('data-stack-status')).resolves.toBe('NONE');

    // Nothing deployed: the required checks fail, and say why.
    await panel.getByRole('button', { name: 'Run checks' }).click();
    await panel.locator('[data-run-outcome]').waitFor({ timeout: 30_000 });
    await expect(panel.locator('[data-run-outcome]').getAttribute('data-run-outcome')).resolves.toBe('not-passed');
    await expect(panel.locator('[data-check="ec2.elastic-ip"]').getAttribute('data-state')).resolves.toBe('fail');
    await expect(panel.locator('[data-check="ec2.elastic-ip"]').textContent()).resolves.toContain(
      'launch the stage template',
    );

    // Preview: every resource is an Add on a first deploy.
    await card.getByRole('button', { name: 'Preview the launch' }).click();
    await card.locator('[data-change-set]').waitFor({ timeout: 30_000 });
    const adds = await card.locator('[data-change-set] li[data-action="Add"]').count();
    expect(adds).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: `${shots}/stage-00-change-set.png`, fullPage: false });

    await expect(card.locator('[data-deploy-source]').textContent()).resolves.toContain(
      'this stage’s start template (templates/00-one-user/solution.yaml)',
    );
    // An impatient double click deploys once and shows nothing alarming.
    await card.getByRole('button', { name: 'Deploy' }).dblclick();
    await page.waitForFunction(
      () => document.querySelector('[data-stack-status]')?.getAttribute('data-stack-status') === 'CREATE_COMPLETE',
      undefined,
      { timeout: 60_000 },
    );
    await expect(card.textContent()).resolves.not.toMatch(/ChangeSetNotFound|does not exist/);
    await expect(card.textContent()).resolves.toContain('VpcId');
    // The stack exists now: the card's button says it goes back to the start template, not "launch".
    await card.getByRole('button', { name: 'Preview: back to this stage’s start template' }).waitFor();
    await expect(card.locator('[data-cost-meter]').textContent()).resolves.toMatch(/in the sandbox: free/);
    await expect(card.locator('[data-stack-events] li').count()).resolves.toBeGreaterThan(adds);

    // The e2e server's cool-down between runs is 2 s (10 s by default).
    await page.waitForTimeout(2_100);
    await panel.getByRole('button', { name: 'Run checks' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-run-outcome]')?.getAttribute('data-run-outcome') === 'passed',
      undefined,
      { timeout: 30_000 },
    );
    await expect(panel.locator('[data-check="ec2.web-instance-running"]').getAttribute('data-state')).resolves.toBe(
      'pass',
    );
    await expect(panel.locator('[data-check="http.app-responds"]').getAttribute('data-state')).resolves.toBe('pass');
    await page.screenshot({ path: `${shots}/stage-00-passed.png`, fullPage: true });

    await page.goto(`${baseUrl}/en`);
    await expect(page.locator('li[data-stage="00-one-user"]').getAttribute('data-status')).resolves.toBe('completed');
    await expect(page.locator('li[data-stage="01-split-database"]').getAttribute('data-status')).resolves.toBe(
      'unlocked',
    );
    await ctx.close();
  });

  it('keeps another learner out of a run that is not theirs', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en`);
    const res = await page.request.get(`${baseUrl}/api/check-runs/00000000-0000-4000-8000-000000000000/events`);
    expect(res.status()).toBe(404);
    await ctx.close();
  });
});
