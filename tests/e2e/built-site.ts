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
      expect(await page.locator('.post-body .code-block .copy-code').count()).toBeGreaterThan(0);
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

    /** The search has answered: results, none, or an error (`data-state` on the results box). */
    const answered = '#search-results:is([data-state="done"], [data-state="empty"], [data-state="error"])';
    const search = async (query: string) => {
      await open(`search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector(answered);
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

    // A reader on a 390×844 phone and a 1280×800 desktop: what they see before scrolling, and
    // the comforts around long posts, code and formulas.
    const PHONE = { width: 390, height: 844 };
    const DESKTOP = { width: 1280, height: 800 };
    const atSize = async <T>(size: { width: number; height: number }, fn: () => Promise<T>): Promise<T> => {
      await page.setViewportSize(size);
      try {
        return await fn();
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    };
    const top = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

    it('on a phone, a post starts well up the first screen under a one-row header with icons', async () => {
      await atSize(PHONE, async () => {
        await open('posts/mae/');
        const header = await page.locator('.site-header').boundingBox();
        // Title and icons on one row, the nav on a second: about 76 px (the old header was 186).
        expect(header!.height).toBeLessThanOrEqual(96);
        // The first paragraph begins in the upper third of the screen (it was at 689 of 844).
        expect(await top('.post-body > p')).toBeLessThan(PHONE.height * 0.4);
        // Search and theme are icon buttons of a comfortable size; the search box opens on demand.
        const box = page.locator('.site-search input');
        expect(await box.isVisible()).toBe(false);
        for (const icon of ['.search-toggle', '.theme-toggle']) {
          const b = await page.locator(icon).boundingBox();
          expect(b!.height, icon).toBeGreaterThanOrEqual(40);
          expect(b!.y + b!.height, icon).toBeLessThanOrEqual(header!.height);
        }
        await page.locator('.search-toggle').click();
        expect(await box.isVisible()).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
        await box.fill('动量');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/search\/\?q=/);
        await page.waitForSelector(answered);
        expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
      });
    });

    it('on a desktop, a post starts under a slim header, at about 38 Han characters to a line', async () => {
      await atSize(DESKTOP, async () => {
        await open('posts/mae/');
        expect((await page.locator('.site-header').boundingBox())!.height).toBeLessThanOrEqual(72);
        expect(await top('.post-body > p')).toBeLessThan(DESKTOP.height * 0.4);
        const measure = await page.locator('.post-body > p').first().evaluate((p) => p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize));
        expect(measure).toBeGreaterThanOrEqual(36);
        expect(measure).toBeLessThanOrEqual(40);
      });
    });

    it('folds the contents on a phone and opens them beside the post on a desktop', async () => {
      await atSize(PHONE, async () => {
        await open('posts/mae/');
        expect(await page.locator('.toc details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
        expect(await page.locator('.toc a').first().isVisible()).toBe(false);
        await page.locator('.toc summary').click();
        expect(await page.locator('.toc a').first().isVisible()).toBe(true);
      });
      await atSize(DESKTOP, async () => {
        await open('posts/mae/');
        expect(await page.locator('.toc a').first().isVisible()).toBe(true);
        // Beside the post, not above it.
        const toc = await page.locator('.toc').boundingBox();
        const body = await page.locator('.post-body').boundingBox();
        expect(toc!.x).toBeGreaterThan(body!.x + body!.width);
      });
    });

    it('offers a way back to the top of a long post', async () => {
      for (const size of [PHONE, DESKTOP]) {
        await atSize(size, async () => {
          await open('posts/mae/');
          const link = page.locator('.back-to-top a');
          const onScreen = async () => {
            const b = await link.boundingBox();
            return (await link.isVisible()) && b !== null && b.y >= 0 && b.y + b.height <= size.height;
          };
          expect(await onScreen(), `${size.width}: not on the first screen`).toBe(false);
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
          await expect.poll(onScreen).toBe(true);
          // In the corner of the screen, on top of the text.
          const b = await link.boundingBox();
          expect(b!.y + b!.height).toBeLessThanOrEqual(size.height);
          expect(b!.height).toBeGreaterThanOrEqual(32);
          await link.click();
          await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
        });
      }
    });

    it('gives code blocks a language label and a copy button that never covers the code', async () => {
      for (const size of [PHONE, DESKTOP]) {
        await atSize(size, async () => {
          await open('posts/pytorch-ddp/');
          const blocks = await page.locator('.post-body .code-block').evaluateAll((els) =>
            els.map((el) => {
              const button = el.querySelector('.copy-code')!.getBoundingClientRect();
              const code = el.querySelector('pre code')!;
              // The first line of code as drawn.
              const range = document.createRange();
              range.selectNodeContents(code);
              const first = range.getClientRects()[0]!;
              return { lang: el.querySelector('.code-lang')?.textContent ?? '', button: { top: button.top, bottom: button.bottom, height: button.height }, codeTop: first.top };
            }),
          );
          expect(blocks.length).toBeGreaterThan(3);
          for (const b of blocks) {
            expect(b.button.height).toBeGreaterThanOrEqual(32);
            expect(b.button.bottom).toBeLessThanOrEqual(b.codeTop);
          }
          expect(blocks.map((b) => b.lang)).toContain('Python');
          expect(blocks.map((b) => b.lang)).toContain('Bash');
        });
      }
    });

    it('sets Chinese in code comments upright', async () => {
      await open('posts/pytorch-ddp/');
      const styles = await page.locator('.post-body .hljs-comment').evaluateAll((els) =>
        els.filter((el) => /\p{Script=Han}/u.test(el.textContent ?? '')).map((el) => ({ style: getComputedStyle(el).fontStyle, synthesis: getComputedStyle(el).getPropertyValue('font-synthesis-style') })),
      );
      expect(styles.length).toBeGreaterThan(0);
      for (const s of styles) expect(s).toEqual({ style: 'normal', synthesis: 'none' });
    });

    it('shades the edge of a formula that is wider than a phone, and lets the keyboard scroll it', async () => {
      await atSize(PHONE, async () => {
        await open('posts/mae/');
        // Read down the post: formulas are laid out as they come near the screen.
        for (const formula of await page.locator('.post-body .math-display').all()) {
          await formula.scrollIntoViewIfNeeded();
          await page.evaluate(() => new Promise(requestAnimationFrame));
        }
        const wide = page.locator('.post-body .math-display.is-scrollable');
        await expect.poll(() => wide.count()).toBeGreaterThan(0);
        const box = await wide.first().evaluate((el) => ({ tabIndex: el.tabIndex, background: getComputedStyle(el).backgroundImage, overflow: el.scrollWidth - el.clientWidth }));
        expect(box.overflow).toBeGreaterThan(0);
        expect(box.tabIndex).toBe(0);
        expect(box.background).toContain('radial-gradient');
      });
    });

    it('searches as you type, title matches first, highlighting only the query', async () => {
      await open('search/');
      expect(await page.locator('form[role="search"]').count()).toBe(1);
      await page.locator('#search-input').pressSequentially('掩码', { delay: 40 });
      await page.waitForSelector(`${answered} .search-result`);
      const results = await page.locator('.search-result').evaluateAll((items) =>
        items.map((li) => ({
          title: li.querySelector('.search-result-title')!.textContent ?? '',
          excerpt: li.querySelector('.search-result-excerpt')!.textContent ?? '',
          marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
        })),
      );
      expect(new URL(page.url()).searchParams.get('q')).toBe('掩码');
      expect(results[0]!.title).toBe('MAE：掩码自编码器');
      const firstWithout = results.findIndex((r) => !r.title.includes('掩码'));
      if (firstWithout >= 0) expect(results.slice(firstWithout).every((r) => !r.title.includes('掩码'))).toBe(true);
      for (const r of results) {
        expect(r.marks.every((m) => m === '掩码'), r.title).toBe(true);
        expect(r.excerpt.startsWith(r.title), r.title).toBe(false);
        // No block joined to the next with Pagefind's half-width ". ".
        expect(r.excerpt).not.toMatch(/\p{Script=Han}\. /u);
      }
      // Enter answers too, at once.
      await page.locator('#search-input').fill('torchrun');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.search-result-title').first().textContent()).toContain('DDP');
    });

    it('has no axe violations on the search page, empty, with results and with none', async () => {
      const check = async (state: string) => {
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${state}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
      };
      await open('search/');
      await check('empty');
      await page.locator('#search-input').fill('动量');
      await page.waitForSelector(`${answered} .search-result`);
      await check('results');
      await page.locator('#search-input').fill('qzxjvwk');
      await page.waitForSelector('#search-results[data-state="empty"]');
      await check('no results');
      await atSize(PHONE, async () => {
        await open('posts/mae/');
        await page.locator('.search-toggle').click();
        await check('phone header, search open');
      });
    });

    it('answers a missing page with a search box and the latest posts', async () => {
      // A page of its own: the 404 response of the missing page is the point of this visit.
      const p = await context.newPage();
      const seen = watchErrors(p);
      try {
        const missing = at('posts/no-such-post/');
        await p.goto(missing, { waitUntil: 'load' });
        expect(await p.locator('h1').textContent()).toBe('页面不存在');
        const latest = await p.locator('.not-found-latest a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        expect(latest.length).toBeGreaterThanOrEqual(3);
        for (const l of latest) expect(l.startsWith(`${base}posts/`), l).toBe(true);
        await p.locator('main input[name="q"]').fill('动量');
        await p.keyboard.press('Enter');
        await p.waitForURL(/\/search\/\?q=/);
        expect(new URL(p.url()).pathname).toBe(`${base}search/`);
        await p.waitForSelector(`${answered} .search-result`);
        expect(seen.filter((e) => !e.includes(missing))).toEqual([]);
      } finally {
        await p.close();
      }
    });

    it('describes each category with its count and latest posts', async () => {
      await open('categories/');
      const cards = await page.locator('.term-card').evaluateAll((els) =>
        els.map((el) => ({
          name: el.querySelector('h2 a')!.textContent,
          count: el.querySelector('.term-count')!.textContent,
          description: el.querySelector('.term-card-description')?.textContent ?? '',
          latest: el.querySelectorAll('.related-list a').length,
        })),
      );
      expect(cards.map((c) => c.name)).toContain('自监督学习');
      for (const c of cards) {
        expect(c.count).toMatch(/^\d+ 篇文章$/);
        expect(c.description.length, c.name!).toBeGreaterThan(10);
        expect(c.latest).toBeGreaterThan(0);
      }
      await open('series/');
      expect((await page.locator('.term-card-description').first().textContent())!.length).toBeGreaterThan(10);
    });

    it('is readable with JavaScript off', async () => {
      const noJs = await browser.context({ javaScriptEnabled: false });
      try {
        const p = await noJs.newPage();
        await p.goto(at('posts/mae/'));
        expect(await p.locator('.post-body').innerText()).toContain('MAE');
        expect(await p.locator('.post-body .katex').first().isVisible()).toBe(true);
        expect(await p.locator('.theme-toggle').isVisible()).toBe(false);
        // On a phone the search icon is a plain link to the search page; the contents open on a tap.
        await p.setViewportSize({ width: 390, height: 844 });
        expect(new URL((await p.locator('.search-toggle').getAttribute('href'))!, p.url()).pathname).toBe(`${base}search/`);
        expect(await p.locator('.toc a').first().isVisible()).toBe(false);
        await p.locator('.toc summary').click();
        expect(await p.locator('.toc a').first().isVisible()).toBe(true);
        await p.goto(at('search/'));
        expect(await p.locator('noscript').count()).toBe(1);
      } finally {
        await noJs.close();
      }
    });
  });
}
