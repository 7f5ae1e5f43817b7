import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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

const solution = (stage: string) => {
  const text = readFileSync(`templates/${stage}/solution.yaml`, 'utf8');
  return stage === '00-one-user' ? text.replace('Default: t3.micro', 'Default: t3.small') : text;
};

/** Put a template into the editor, preview and deploy it, and wait for the stack to complete. */
async function deploy(page: Page, stage: string, body: string) {
  await page.goto(`${baseUrl}/en/labs/${stage}`);
  await page.locator('#template-editor summary').click();
  await page.locator('[data-template-editor] [data-ready="true"]').waitFor();
  await page.locator('[data-template-editor] .cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(body);
  await page.waitForFunction(
    () => document.querySelector('[data-lint-status]')?.getAttribute('data-lint-status') === '0',
  );
  await page.locator('[data-template-editor] button').first().click();
  const card = page.locator('[data-stack-card]');
  await card.locator('[data-change-set]').waitFor({ timeout: 30_000 });
  await card.locator('[data-change-set] button').first().click();
  await page.waitForFunction(
    () => /_COMPLETE$/.test(document.querySelector('[data-stack-status]')?.getAttribute('data-stack-status') ?? ''),
    undefined,
    { timeout: 60_000 },
  );
}

async function passChecks(page: Page) {
  await page.waitForTimeout(2_100); // the e2e server's cool-down between check runs
  await page.locator('[data-check-panel] button').first().click();
  await page.locator('[data-run-outcome]').waitFor({ timeout: 30_000 });
  await expect(page.locator('[data-run-outcome]').getAttribute('data-run-outcome')).resolves.toBe('passed');
}

describe('game day on stage 02', () => {
  it('runs the AZ drill on the deployed solution: a live chart, the events, the verdict that it held', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    page.on('dialog', (d) => void d.accept());
    for (const stage of ['00-one-user', '01-split-database']) {
      await deploy(page, stage, solution(stage));
      await passChecks(page);
    }
    await deploy(page, '02-high-availability', solution('02-high-availability'));
    await page.reload();
    const panel = page.locator('[data-testid="game-day"]');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByRole('heading', { name: 'Game day: break it on purpose' }).count()).resolves.toBe(1);
    const start = panel.getByRole('button', { name: 'Start the drill' });
    await expect(start.isDisabled()).resolves.toBe(true); // not before the confirmation
    await panel.getByRole('radio', { name: /An Availability Zone goes dark/ }).check();
    // Keyboard: the confirmation box and the start button.
    await panel.getByRole('checkbox').focus();
    await page.keyboard.press('Space');
    await start.focus();
    await page.keyboard.press('Enter');
    await panel.locator('[data-testid="game-day-chart"] svg').first().waitFor({ timeout: 30_000 });
    const verdict = panel.locator('[data-testid="game-day-verdict"]');
    await verdict.waitFor({ timeout: 60_000 });
    await expect(verdict.textContent()).resolves.toMatch(
      /Verdict: Held, with a blip.*through the AZ failure.*the service held\./,
    );
    await expect(panel.locator('[data-testid="game-day-chart"] ol li').count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(panel.locator('[data-testid="game-day-chart"] path').count()).resolves.toBeGreaterThanOrEqual(2);
    await panel.screenshot({ path: `${shots}/game-day-02.png` });

    // At 390 px the panel fits the width and still reads.
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await panel.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(width).toBe(true);
    await panel.screenshot({ path: `${shots}/game-day-02-390.png` });

    // In Korean, the same panel.
    await page.goto(`${baseUrl}/ko/labs/02-high-availability`);
    await expect(
      page
        .locator('[data-testid="game-day"]')
        .getByRole('heading', { name: '게임 데이: 일부러 망가뜨려 보기' })
        .count(),
    ).resolves.toBe(1);
    await ctx.close();
  });
});
