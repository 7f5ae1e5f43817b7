import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium through playwright-core (never a downloaded browser), with this machine's network-quiet flags. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SCALELAB_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export async function newLearnerContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ locale, extraHTTPHeaders: { 'Accept-Language': locale } });
}

/** Wait until the lab stack card shows this stack status. */
export const stackStatus = (page: Page, status: string) =>
  page.waitForFunction(
    (s) => document.querySelector('[data-stack-status]')?.getAttribute('data-stack-status') === s,
    status,
    { timeout: 60_000 },
  );

/** Replace the template editor's whole text, as a learner pasting a template. */
export async function replaceEditorText(page: Page, text: string) {
  await page.locator('[data-template-editor] .cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}
