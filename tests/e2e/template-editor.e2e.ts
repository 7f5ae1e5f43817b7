import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newLearnerContext, replaceEditorText, stackStatus } from './browser';

const baseUrl = inject('baseUrl');
const solution = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the template editor', () => {
  it('launches stage 00, catches a typo with its line, scales up through a previewed change set, and deletes', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    page.on('dialog', (d) => void d.accept());
    // Choose the sandbox on the account page (it is also the default).
    await page.goto(`${baseUrl}/en/account`);
    await page.getByRole('button', { name: 'Use the sandbox' }).click();
    await page.getByText(/Connected: account \d{12}/).waitFor();
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const card = page.locator('[data-stack-card]');
    await card.getByRole('button', { name: 'Preview the launch' }).click();
    await card.getByRole('button', { name: 'Deploy' }).click();
    await stackStatus(page, 'CREATE_COMPLETE');

    await page.locator('#template-editor summary').click();
    await page.locator('[data-template-editor] [data-ready="true"]').waitFor();
    const status = page.locator('[data-lint-status]');
    await page.waitForFunction(
      () => document.querySelector('[data-lint-status]')?.getAttribute('data-lint-status') === '0',
    );

    // Hover docs from the CloudFormation spec. CodeMirror renders only the lines in view: scroll the editor down to
    // the VPC (below the parameters) until its line exists.
    await page.locator('[data-template-editor]').scrollIntoViewIfNeeded();
    const typeLine = page.locator('[data-template-editor] .cm-line', { hasText: 'Type: AWS::EC2::VPC' }).first();
    for (let i = 0; i < 20 && !(await typeLine.count()); i++) {
      await page.locator('[data-template-editor] .cm-scroller').evaluate((el) => el.scrollBy(0, 200));
      await page.waitForTimeout(50);
    }
    await typeLine.scrollIntoViewIfNeeded();
    const box = await typeLine.boundingBox();
    if (box) await page.mouse.move(box.x + 130, box.y + box.height / 2);
    await page.locator('[data-spec-doc="AWS::EC2::VPC"]').waitFor({ timeout: 10_000 });

    // A typo: the problems list names it with its line, and deploying is refused until it is fixed.
    await replaceEditorText(
      page,
      solution.replace('InstanceType: !Ref InstanceType', 'InstanceTyp: !Ref InstanceType'),
    );
    await page.waitForFunction(
      () => Number(document.querySelector('[data-lint-status]')?.getAttribute('data-lint-status')) > 0,
    );
    await expect(page.locator('[data-problems]').textContent()).resolves.toMatch(/\d+:\d+ error .*InstanceTyp/);
    await expect(page.getByRole('button', { name: /Preview deploy/ }).isDisabled()).resolves.toBe(true);
    await expect(status.textContent()).resolves.toMatch(/\b1 error\b/);

    // Scale up: t3.micro → t3.small, previewed as a Modify of the instance, then deployed.
    await replaceEditorText(page, solution.replace('Default: t3.micro', 'Default: t3.small'));
    await page.waitForFunction(
      () => document.querySelector('[data-lint-status]')?.getAttribute('data-lint-status') === '0',
    );
    // The reference solution, read-only and as a diff from the draft (the draft scales up, the solution does not).
    await page.getByRole('button', { name: 'Open the reference solution' }).click();
    await expect(page.locator('[data-solution]').textContent()).resolves.toContain('AWSTemplateFormatVersion');
    await page.getByRole('button', { name: 'Compare my draft with the solution' }).click();
    await expect(page.locator('[data-solution-panel] [data-diff]').textContent()).resolves.toContain(
      '- ' + '    Default: t3.small',
    );
    await page.getByRole('button', { name: 'Hide the comparison' }).click();
    await expect(page.getByRole('link', { name: 'Download the stage template' }).getAttribute('href')).resolves.toBe(
      '/api/templates/00-one-user?file=start&download=1',
    );
    await page.getByRole('button', { name: 'Show changes' }).click();
    await expect(page.locator('[data-diff]').textContent()).resolves.toContain('+     Default: t3.small');
    // Tab indents inside the editor (focus stays); Ctrl+Enter previews the deploy, as the button says.
    await page.locator('[data-template-editor] .cm-content').focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).resolves.toBe(true);
    await page.keyboard.press('Backspace');
    await expect(page.locator('[data-editor-keys]').textContent()).resolves.toContain('Esc, then Tab');
    await page.keyboard.press('Control+Enter');
    await card.locator('[data-change-set]').waitFor({ timeout: 30_000 });
    await expect(card.locator('[data-deploy-source]').getAttribute('data-deploy-source')).resolves.toBe('editor');
    await expect(card.locator('[data-change-set] li[data-action="Modify"]').first().textContent()).resolves.toContain(
      'WebInstance',
    );
    await page.screenshot({ path: 'test-results/e2e/editor-scale-up.png', fullPage: false });
    await card.getByRole('button', { name: 'Deploy' }).click();
    await stackStatus(page, 'UPDATE_COMPLETE');

    await card.getByRole('button', { name: 'Delete the stack' }).click();
    await stackStatus(page, 'DELETE_COMPLETE');
    await expect(card.textContent()).resolves.toContain('No lab stack yet.');
    // The survivor check: nothing tagged for the lab is left behind.
    await card.locator('[data-survivors="0"]').waitFor({ timeout: 30_000 });
    await ctx.close();
  });

  it('adds a lab snippet to the template at the right place from the step that shows it', async () => {
    const ctx = await newLearnerContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    const add = page.locator('[data-snippet-action="add"]').first();
    await add.scrollIntoViewIfNeeded();
    await add.click();
    await page.locator('[data-template-editor] [data-ready="true"]').waitFor();
    await expect
      .poll(() => page.locator('[data-snippet-note]').textContent(), { timeout: 15_000 })
      .toMatch(/^Added to your template: .*\(replaced: \w+/);
    await page.waitForFunction(
      () => document.querySelector('[data-lint-status]')?.getAttribute('data-lint-status') === '0',
    );
    await page.screenshot({ path: 'test-results/e2e/editor-snippet-added.png', fullPage: false });
    await ctx.close();
  });
});
