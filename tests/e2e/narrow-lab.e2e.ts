import { mkdirSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

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

async function box(el: Locator) {
  const b = await el.boundingBox();
  if (!b) throw new Error('not rendered');
  return b;
}
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inViewport = (el: Locator) =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });

describe('a lab page 390 px wide', () => {
  it.each([
    ['en', 'en-US', 'Stack', 'Checks'],
    ['ko', 'ko-KR', '스택', '검사'],
  ])(
    '(%s) keeps the stack card and the checks one tap away, beside the steps button',
    async (lang, locale, stack, checks) => {
      const ctx = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, hasTouch: true });
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/${lang}/labs/00-one-user`);
      const bar = page.locator('[data-lab-jump]');
      const card = page.locator('[data-stack-card]');
      await bar.waitFor();
      // The side column is far below the lab text at this width.
      await expect(inViewport(card)).resolves.toBe(false);
      const toc = page.locator('[data-toc-toggle]');
      expect(overlaps(await box(bar), await box(toc)), 'the bar must not cover the steps button').toBe(false);
      if (lang === 'en') await page.screenshot({ path: `${shots}/lab-390.png` });

      await bar.getByRole('link', { name: stack }).click();
      await page.waitForFunction(() => {
        const r = document.querySelector('[data-stack-card]')?.getBoundingClientRect();
        return r && r.top >= 0 && r.top < window.innerHeight / 2;
      });
      // Still there, and still clear of the steps button, once scrolled.
      expect(overlaps(await box(bar), await box(toc))).toBe(false);
      if (lang === 'en') await page.screenshot({ path: `${shots}/lab-390-stack.png` });

      // With the keyboard: focus the checks link and press Enter.
      await bar.getByRole('link', { name: checks }).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => {
        const r = document.getElementById('checks-title')?.getBoundingClientRect();
        return r && r.top >= 0 && r.top < window.innerHeight / 2;
      });
      await ctx.close();
    },
  );

  it('hides the bar from 1024 px, where the side column sits beside the text', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/en/labs/00-one-user`);
    await page.locator('[data-stack-card]').waitFor();
    await expect(page.locator('[data-lab-jump]').isVisible()).resolves.toBe(false);
    await ctx.close();
  });
});
