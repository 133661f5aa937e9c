// The browser checks of a built site, run once at base `/` and once under `/kb/` (one file each,
// so vitest runs them side by side). The site is the real content/ built by the real CLI and
// served by the real static server, as `npm run build && npm run preview` would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../src/dev/static-server.ts';
import { launchBrowser, watchErrors, type TestBrowser } from '../helpers/browser.ts';
import { folio, REPO } from '../helpers/fixture.ts';

/**
 * No inline scripts and nothing from other origins. Pagefind compiles WebAssembly; KaTeX places
 * glyphs with style attributes (not style elements), which 'unsafe-inline' in style-src allows.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function describeBuiltSite(base: '/' | '/kb/'): void {
  describe(`the built site in Chromium, served under ${base}`, () => {
    let out: string;
    let server: RunningServer;
    let browser: TestBrowser;
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    /** An absolute URL for a site path (`posts/mae/`), under the base. */
    const at = (sitePath = '') => new URL(sitePath, server.url).href;
    const open = async (sitePath = '') => {
      await page.goto(at(sitePath), { waitUntil: 'load' });
    };

    beforeAll(async () => {
      out = mkdtempSync(path.join(tmpdir(), 'folio-e2e-'));
      const built = folio(REPO, 'build', '--out', out, '--base', base, '--url', 'https://example.org', '--quiet');
      expect(built.stderr).toBe('');
      expect(built.code).toBe(0);
      // Served under a strict Content-Security-Policy: an inline script or style element, or
      // anything loaded from elsewhere, would be a console error and fail the test that saw it.
      server = await startStaticServer({ dir: out, base, headers: { 'content-security-policy': STRICT_CSP } });
      browser = await launchBrowser();
      context = await browser.context({ viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      errors = watchErrors(page);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      rmSync(out, { recursive: true, force: true });
    });
    afterEach(() => {
      // No page visited by any test may log an error or fail to load a file.
      expect(errors).toEqual([]);
      errors.length = 0;
    });

    it('lists posts on the home page, and a Chinese tag opens its page with posts', async () => {
      await open();
      const titles = await page.locator('.post-summary-title a').allTextContents();
      // A full first page, whatever posts a fork adds (perPage is 12 in site.config.ts).
      expect(titles.length).toBeGreaterThanOrEqual(10);
      expect(titles.every((t) => t.trim() !== '')).toBe(true);
      await page.locator('.post-summary .tag-list a', { hasText: /^自监督学习$/ }).first().click();
      await page.waitForLoadState('load');
      expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`${base}tags/自监督学习/`);
      await expect.poll(() => page.locator('h1').textContent()).toContain('自监督学习');
      expect(await page.locator('.post-summary').count()).toBeGreaterThanOrEqual(5);
      await page.locator('.post-summary-title a', { hasText: 'MoCo' }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe(`${base}posts/moco/`);
    });

    it('shows a post with visible KaTeX in its own fonts and coloured code', async () => {
      await open('posts/mae/');
      const formula = page.locator('.post-body .katex').first();
      await formula.scrollIntoViewIfNeeded();
      const box = await formula.boundingBox();
      expect(box && box.width > 0 && box.height > 0).toBe(true);
      const katexFonts = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded').length;
      });
      expect(katexFonts).toBeGreaterThan(0);
      const colours = await page.evaluate(() => ({
        keyword: getComputedStyle(document.querySelector('.post-body .hljs-keyword')!).color,
        text: getComputedStyle(document.querySelector('.post-body p')!).color,
      }));
      expect(colours.keyword).not.toBe(colours.text);
      // Enhancements: a copy button on the code block, the TOC beside the post.
      expect(await page.locator('.post-body pre .copy-code').count()).toBeGreaterThan(0);
    });

    it('copies a formula as its LaTeX source (copy-tex)', async () => {
      await open('posts/mae/');
      await page.waitForFunction(() => document.querySelectorAll('script[type="module"]').length > 0);
      // copy-tex is loaded on demand; give it its turn, then copy a selection holding a formula.
      await page.waitForLoadState('networkidle');
      const copied = await page.evaluate(() => {
        const katex = document.querySelector('.post-body p .katex')!;
        const range = document.createRange();
        range.selectNode(katex);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        const data = new DataTransfer();
        katex.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
        return { text: data.getData('text/plain'), tex: katex.querySelector('annotation')!.textContent };
      });
      expect(copied.text).toBe(`$${copied.tex}$`);
    });

    it('highlights the section being read in the TOC on a wide screen', async () => {
      await open('posts/mae/');
      const links = page.locator('.toc a');
      expect(await links.count()).toBeGreaterThan(2);
      const third = (await links.nth(2).getAttribute('href'))!;
      await page.evaluate((id) => document.getElementById(decodeURIComponent(id.slice(1)))!.scrollIntoView(), third);
      await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe(third);
      expect(await page.locator('.toc a[aria-current="true"]').count()).toBe(1);
    });

    const search = async (query: string) => {
      await open(`search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('.search-status:not(:text("正在搜索"))');
      return page.locator('.search-result a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };

    it('finds posts by Chinese words, with the match highlighted in the excerpt', async () => {
      expect(await search('掩码')).toContain(`${base}posts/mae/`);
      expect((await search('动量'))[0]).toBe(`${base}posts/moco/`);
      expect((await search('可变形'))[0]).toBe(`${base}posts/deformable-conv/`);
      const mark = await page.locator('.search-result-excerpt mark').first().textContent();
      expect('可变形').toContain(mark!.trim());
      expect(await page.locator('.search-result-title').first().textContent()).toContain('可变形卷积');
    });

    it('finds posts by English words, and says so when nothing matches', async () => {
      expect(await search('InfoNCE')).toContain(`${base}posts/moco/`);
      expect((await search('torchrun'))[0]).toBe(`${base}posts/pytorch-ddp/`);
      expect(await search('qzxjvwk')).toEqual([]);
      expect(await page.locator('.search-status').textContent()).toContain('没有找到');
    });

    it('searches from the header box and is usable with the keyboard', async () => {
      await open();
      await page.locator('.site-search input[name="q"]').fill('动量');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=/);
      await page.waitForSelector('.search-result a');
      await page.locator('#search-input').focus();
      await page.keyboard.press('ArrowDown');
      const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
      expect(focused).toBe(`${base}posts/moco/`);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${base}posts/moco/`);
    });

    it('remembers a dark theme across a reload, applied before the first paint', async () => {
      await open();
      const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const toggle = page.locator('.theme-toggle');
      await expect.poll(() => toggle.isVisible()).toBe(true);
      for (let i = 0; i < 3 && (await page.evaluate(() => document.documentElement.dataset.theme)) !== 'dark'; i++) await toggle.click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(dark).not.toBe(light);
      // On reload (a fresh tab of the same profile), record the theme at the moment <body> is
      // parsed, before anything is painted.
      const fresh = await context.newPage();
      errors.push(...watchErrors(fresh));
      await fresh.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.body) {
            (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await fresh.goto(at(), { waitUntil: 'load' });
      expect(await fresh.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe('dark');
      expect(await fresh.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
      await fresh.close();
      await page.reload({ waitUntil: 'load' });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await page.evaluate(() => localStorage.removeItem('folio-theme'));
    });

    it('has no axe violations on the home page, a post, a tag page and search', async () => {
      for (const sitePath of ['', 'posts/mae/', `tags/${encodeURIComponent('自监督学习')}/`, `search/?q=${encodeURIComponent('动量')}`]) {
        await open(sitePath);
        if (sitePath.startsWith('search')) await page.waitForSelector('.search-result');
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${sitePath || 'home'}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
      }
      // The dark theme too, once (colours do not depend on the base): contrast of text and code.
      if (base !== '/') return;
      const dark = await browser.context({ colorScheme: 'dark' });
      try {
        const p = await dark.newPage();
        errors.push(...watchErrors(p));
        for (const sitePath of ['posts/mae/']) {
          await p.goto(at(sitePath), { waitUntil: 'load' });
          const { violations } = await new AxeBuilder({ page: p }).analyze();
          expect(violations.map((v) => `dark ${sitePath || 'home'}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
        }
      } finally {
        await dark.close();
      }
    });

    it('has no horizontal page scroll at 375 px', async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      try {
        for (const sitePath of ['', 'posts/mae/', 'posts/pytorch-ddp/', `tags/${encodeURIComponent('自监督学习')}/`, `search/?q=${encodeURIComponent('掩码')}`, 'archives/']) {
          await open(sitePath);
          if (sitePath.startsWith('search')) await page.waitForSelector('.search-result');
          const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
          expect(widths.page, `${sitePath || 'home'} is wider than the screen`).toBeLessThanOrEqual(widths.viewport);
        }
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });

    it('is readable with JavaScript off', async () => {
      const noJs = await browser.context({ javaScriptEnabled: false });
      try {
        const p = await noJs.newPage();
        await p.goto(at('posts/mae/'));
        expect(await p.locator('.post-body').innerText()).toContain('MAE');
        expect(await p.locator('.post-body .katex').first().isVisible()).toBe(true);
        expect(await p.locator('.theme-toggle').isVisible()).toBe(false);
        await p.goto(at('search/'));
        expect(await p.locator('noscript').count()).toBe(1);
      } finally {
        await noJs.close();
      }
    });
  });
}
