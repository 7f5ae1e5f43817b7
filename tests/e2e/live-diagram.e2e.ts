import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newLearnerContext, replaceEditorText, stackStatus } from './browser';

const baseUrl = inject('baseUrl');
const shots = 'test-results/e2e';
const solution = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the live diagram of what is deployed', () => {
  it('draws the instance and its Elastic IP after a check run, and marks a failing check after a mutation', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const section = page.locator('[data-live-architecture="00-one-user"]');
    const live = section.locator('[data-live-diagram]');
    const panel = page.locator('[data-check-panel]');
    const card = page.locator('[data-stack-card]');

    // Beside the stage's hand-drawn target; nothing drawn before any check run.
    await expect(section.locator('figure').first().locator('svg[role="img"] title').textContent()).resolves.toContain(
      'Stage 00 architecture',
    );
    await expect(live.locator('[data-live-diagram-state]').getAttribute('data-live-diagram-state')).resolves.toBe(
      'none',
    );

    await card.getByRole('button', { name: 'Preview the launch' }).click();
    await card.getByRole('button', { name: 'Deploy' }).click();
    await stackStatus(page, 'CREATE_COMPLETE');
    await panel.getByRole('button', { name: 'Run checks' }).click();
    await panel.locator('[data-run-outcome]').waitFor({ timeout: 30_000 });

    // The diagram redraws itself when the run is done (no reload): one instance, its Elastic IP.
    await live.locator('[data-live-diagram-state="drawn"]').waitFor({ timeout: 30_000 });
    const instance = live.locator('[data-arch-node][data-kind="instance"]');
    await expect(instance.count()).resolves.toBe(1);
    await expect(live.locator('[data-arch-node][data-kind="elastic-ip"]').textContent()).resolves.toMatch(
      /EIP \d+\.\d+\.\d+\.\d+/,
    );
    // Not scaled up yet (a recommended check): its marker is on the instance, its evidence shown on keyboard focus.
    const marker = instance.locator('[data-arch-marker]');
    await marker.focus();
    const tip = page.locator(`[id="${await marker.getAttribute('aria-describedby')}"]`);
    await tip.waitFor({ state: 'visible' });
    await expect(tip.textContent()).resolves.toContain('ec2.scaled-up');
    await expect(tip.textContent()).resolves.not.toContain('ec2.imdsv2-required');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });

    // A mutation: IMDSv1 allowed again. After the next run the instance carries a second failing check.
    await page.locator('#template-editor summary').click();
    await page.locator('[data-template-editor] [data-ready="true"]').waitFor();
    await replaceEditorText(page, solution.replace('HttpTokens: required', 'HttpTokens: optional'));
    await page.waitForFunction(
      () => document.querySelector('[data-lint-status]')?.getAttribute('data-lint-status') === '0',
    );
    await page.getByRole('button', { name: /Preview deploy/ }).click();
    await card.locator('[data-change-set]').waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Deploy' }).click();
    await stackStatus(page, 'UPDATE_COMPLETE');
    // The e2e server's cool-down between runs is 2 s.
    await page.waitForTimeout(2_100);
    await panel.getByRole('button', { name: 'Run checks' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-check="ec2.imdsv2-required"]')?.getAttribute('data-state') === 'fail',
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-live-diagram] [data-arch-node][data-kind="instance"]')
          ?.getAttribute('data-failing') === '2',
      undefined,
      { timeout: 30_000 },
    );
    // On hover this time.
    const again = live.locator('[data-arch-node][data-kind="instance"] [data-arch-marker]');
    await again.hover();
    const tip2 = page.locator(`[id="${await again.getAttribute('aria-describedby')}"]`);
    await tip2.waitFor({ state: 'visible' });
    await expect(tip2.textContent()).resolves.toContain('ec2.imdsv2-required');
    await expect(tip2.textContent()).resolves.toContain('HttpTokens');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `${shots}/live-diagram.png` });

    // The text version lists the same facts, the failing checks included.
    await live.locator('[data-arch-text] summary').click();
    const text = await live.locator('[data-arch-text]').textContent();
    expect(text).toMatch(/EC2 instance i-[0-9a-f]+ \(web, running, t3\.micro\)/);
    expect(text).toMatch(/Elastic IP \d+\.\d+\.\d+\.\d+ on instance i-/);
    expect(text).toContain('ec2.imdsv2-required fails on EC2 i-');
    await ctx.close();
  });
});
