import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  /** A fresh context (its own storage) whose pages record console errors. */
  context: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  close: () => Promise<void>;
}

/**
 * Debian's Chromium through playwright-core, headless. Playwright gives every launch a fresh
 * temporary profile (its own --user-data-dir) and removes it on close.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    context: (options = {}) => browser.newContext({ colorScheme: 'light', ...options }),
    close: () => browser.close(),
  };
}

/** Collects everything a reader's console would show as an error, and failed requests. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Leaving a page cancels what it was still loading: not an error.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`${page.url()}: request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${page.url()}: HTTP ${r.status()} for ${r.url()}`);
  });
  return errors;
}
