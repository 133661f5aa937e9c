// `folio dev` in Chromium: the open page follows edits by itself, broken files show where they
// are broken, and fixing them brings the page back, all without a restart.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicSite } from '../fixtures/basic.ts';
import { launchBrowser, watchErrors, type TestBrowser } from '../helpers/browser.ts';
import { compiledCli, startDev, type RunningDev } from '../helpers/dev.ts';
import { makeProject, removeProject } from '../helpers/fixture.ts';

describe('folio dev in Chromium', () => {
  let project: string;
  let cli: Awaited<ReturnType<typeof compiledCli>>;
  let dev: RunningDev;
  let browser: TestBrowser;
  let page: Page;
  let errors: string[];
  const mae = () => path.join(project, 'content/posts/ssl/mae.md');
  const edit = (from: string, to: string) => writeFileSync(mae(), readFileSync(mae(), 'utf8').replace(from, to));
  const heading = () => page.locator('h1').first().textContent({ timeout: 2000 }).catch(() => '');

  beforeAll(async () => {
    project = makeProject(basicSite);
    cli = await compiledCli();
    dev = await startDev(project, { bin: cli.bin });
    browser = await launchBrowser();
    page = await (await browser.context()).newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
    cli?.remove();
    removeProject(project);
  });

  it('serves a post with its styles, KaTeX fonts and scripts from source, without errors', async () => {
    await page.goto(new URL('posts/mae/', dev.url).href, { waitUntil: 'load' });
    expect(await heading()).toBe('MAE：掩码自编码器');
    const styled = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        font: getComputedStyle(document.body).fontFamily,
        katex: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded'),
      };
    });
    expect(styled.font).toContain('PingFang SC');
    expect(styled.katex).toBe(true);
    // main.ts ran: the theme toggle is shown and code blocks have a copy button.
    await expect.poll(() => page.locator('.theme-toggle').isVisible()).toBe(true);
    expect(await page.locator('.copy-code').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('reloads the open page by itself when the post is edited', async () => {
    edit('title: MAE：掩码自编码器', 'title: MAE 的新标题');
    await expect.poll(heading, { timeout: 15_000 }).toBe('MAE 的新标题');
    expect(errors).toEqual([]);
  });

  it('replaces the page with the error and its file:line:col, then recovers when fixed', async () => {
    edit('title: MAE 的新标题', 'title: [MAE 的新标题');
    await expect.poll(() => page.locator('.dev-error h2').first().textContent({ timeout: 2000 }).catch(() => ''), { timeout: 15_000 }).toBe('content/posts/ssl/mae.md:2:8');
    expect(await page.locator('.dev-error pre').first().textContent()).toContain('> 2 | title: [MAE 的新标题');
    edit('title: [MAE 的新标题', 'title: MAE 修好了');
    await expect.poll(heading, { timeout: 15_000 }).toBe('MAE 修好了');
    // The only errors seen were the error page's own 500 responses.
    expect(errors.filter((e) => !/HTTP 500|status of 500/.test(e))).toEqual([]);
  });

  it('searches, with an index built from the rendered pages as they are now', async () => {
    // The title was just edited: the index follows the edit.
    await page.goto(new URL(`search/?q=${encodeURIComponent('修好')}`, dev.url).href, { waitUntil: 'load' });
    await page.waitForSelector('#search-results:is([data-state="done"], [data-state="empty"], [data-state="error"])', { timeout: 60_000 });
    expect(await page.locator('.search-result-title').first().textContent()).toBe('MAE 修好了');
    expect(errors.filter((e) => !/HTTP 500|status of 500/.test(e))).toEqual([]);
  });
});
