import { type Browser, type BrowserContext, chromium } from 'playwright-core';

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
