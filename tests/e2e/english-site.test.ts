// An English site with its own look, built by the real CLI and checked in Chromium under a strict
// CSP that allows one more script origin: the one its `head` loads a script from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../src/dev/static-server.ts';
import { englishSite, SCRIPT_ORIGIN } from '../fixtures/english.ts';
import { launchBrowser, watchErrors, type TestBrowser } from '../helpers/browser.ts';
import { folio, listFiles, makeProject, removeProject } from '../helpers/fixture.ts';
import { STRICT_CSP } from './built-site.ts';

const HAN = /\p{Script=Han}/u;
const CSP = STRICT_CSP.replace("script-src 'self'", `script-src 'self' ${SCRIPT_ORIGIN}`);

describe('an English site with its own theme, CSS, head and footer, in Chromium', () => {
  let project: string;
  let out: string;
  let server: RunningServer;
  let browser: TestBrowser;
  const contexts: BrowserContext[] = [];
  /** What each page opened by a test logged as an error. */
  const errors: string[][] = [];
  const at = (sitePath = '') => new URL(sitePath, server.url).href;

  /** A page in a fresh context (light or dark), the analytics script answered by the test. */
  async function open(sitePath: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.context({ viewport: { width: 1280, height: 900 }, colorScheme });
    contexts.push(context);
    await context.route(`${SCRIPT_ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/javascript', body: "document.documentElement.dataset.hello = 'yes';" }));
    const page = await context.newPage();
    errors.push(watchErrors(page));
    await page.goto(at(sitePath), { waitUntil: 'load' });
    return page;
  }
  const css = (page: Page, selector: string, property: string) => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

  beforeAll(async () => {
    project = makeProject(englishSite);
    out = path.join(project, 'out');
    const built = folio(project, 'build', '--out', out, '--quiet');
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    server = await startStaticServer({ dir: out, base: '/', headers: { 'content-security-policy': CSP } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeProject(project);
  });
  afterEach(async () => {
    // No page may log an error (a CSP violation is one) or fail to load a file.
    expect(errors.splice(0).flat()).toEqual([]);
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  it('leaves no Chinese interface text in any page, feed or script', () => {
    const files = listFiles(out).filter((f) => /\.(html|xml|json|js)$/.test(f) && !f.startsWith('pagefind/'));
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
    const chinese = files.flatMap((f) => {
      const text = readFileSync(path.join(out, f), 'utf8');
      const m = text.match(/.{0,40}\p{Script=Han}+.{0,20}/u);
      return m ? [`${f}: ${m[0]}`] : [];
    });
    expect(chinese).toEqual([]);
  });

  it('speaks English on a post: lang, nav, date, reading time, footnotes, alert, contents, copy button', async () => {
    const page = await open('posts/masking/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await page.locator('.site-nav a').allTextContents()).toEqual(['Home', 'Categories', 'Tags', 'Archives', 'Search']);
    expect(await page.locator('.post-header time').first().textContent()).toBe('26 July 2025');
    expect(await page.locator('.reading-time').textContent()).toMatch(/^\d+ min read$/);
    expect(await page.locator('#footnote-label').textContent()).toBe('Footnotes');
    expect(await page.locator('[data-footnote-backref]').first().getAttribute('aria-label')).toBe('Back to reference 1');
    expect(await page.locator('.markdown-alert-title').textContent()).toBe('Note');
    expect(await page.locator('.toc-title').textContent()).toBe('Contents');
    expect(await page.locator('.heading-anchor').first().getAttribute('aria-label')).toBe('Link to this section: The loss');
    await expect.poll(() => page.locator('.copy-code').first().textContent()).toBe('Copy');
    expect(await page.locator('.theme-toggle').getAttribute('aria-label')).toBe('Theme: system');
    await page.locator('.theme-toggle').click();
    expect(await page.locator('.theme-toggle').getAttribute('aria-label')).toBe('Theme: light');
  });

  it('draws the theme tokens, the code theme and the extra CSS, light and dark', async () => {
    const light = await open('posts/masking/');
    expect(await css(light, '.post-body a', 'color')).toBe('rgb(176, 0, 32)');
    expect(await css(light, 'body', 'font-family')).toMatch(/^Georgia, "Times New Roman", serif$/);
    expect(await css(light, 'code', 'font-family')).toBe('"Courier New", monospace');
    // width: 30rem is the measure of the column (16px to the rem).
    expect(await css(light, '.post', 'max-width')).toBe('480px');
    // The site's own styles/site.css, bundled after the theme.
    expect(await css(light, '.site-title', 'text-transform')).toBe('uppercase');
    // highlight.js "github" for light, "github-dark" for dark: a keyword's colour in each.
    expect(await css(light, '.hljs-keyword', 'color')).toBe('rgb(215, 58, 73)');
    const dark = await open('posts/masking/', 'dark');
    expect(await css(dark, '.post-body a', 'color')).toBe('rgb(255, 138, 128)');
    expect(await css(dark, '.hljs-keyword', 'color')).toBe('rgb(255, 123, 114)');
    expect(await css(dark, 'pre', 'background-color')).toBe('rgb(13, 17, 23)');
    // The reader's own choice wins over the system's.
    await dark.locator('.theme-toggle').click();
    expect(await css(dark, '.post-body a', 'color')).toBe('rgb(176, 0, 32)');
    expect(await css(dark, '.hljs-keyword', 'color')).toBe('rgb(215, 58, 73)');
    // One stylesheet, hashed, no style element.
    expect(await dark.locator('link[rel="stylesheet"]').count()).toBe(1);
    expect(await dark.locator('style').count()).toBe(0);
  });

  it('has the head elements (the script loaded from its origin and ran) and the footer lines', async () => {
    const page = await open('');
    expect(await page.locator('meta[name="site-verification"]').getAttribute('content')).toBe('abc123');
    await expect.poll(() => page.locator('html').getAttribute('data-hello')).toBe('yes');
    const footer = page.getByRole('contentinfo');
    expect(await footer.locator('.site-footer-line').allTextContents()).toEqual(['Text licensed under CC BY 4.0', 'Source on GitHub']);
    expect(await footer.getByRole('link', { name: 'CC BY 4.0' }).getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    // A string of the site's own, over the English table.
    expect(await footer.textContent()).toContain('Built by hand and Folio');
    expect(await page.locator('h1').textContent()).toBe('Latest posts');
    expect(await page.locator('.pagination-status').textContent()).toBe('Page 1 of 2');
  });

  it('answers a missing page and a search in English', async () => {
    const missing = await open('no/such/page/');
    // The static server answers with the site's 404 page: that status is the one expected error.
    expect(errors.pop()!.every((e) => e.includes('404'))).toBe(true);
    expect(await missing.locator('h1').textContent()).toBe('Page not found');
    expect(await missing.locator('.search-form button').textContent()).toBe('Search');
    const search = await open('search/?q=masked');
    await expect.poll(() => search.locator('#search-results').getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    expect(await search.locator('.search-status').textContent()).toBe('1 post found for “masked”');
    expect(await search.locator('.search-result-list').getAttribute('aria-label')).toBe('Search results');
    await search.locator('#search-input').fill('qqqzzz');
    await expect.poll(() => search.locator('#search-results').getAttribute('data-state'), { timeout: 15_000 }).toBe('empty');
    expect(await search.locator('.search-status').textContent()).toBe('No posts found for “qqqzzz”. Try other words, or browse by tag or category.');
    expect(HAN.test(await search.locator('body').innerText())).toBe(false);
  });
});
