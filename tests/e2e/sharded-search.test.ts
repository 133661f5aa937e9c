// A large site's search index is split into shards so that one edit re-indexes one shard; the
// browser merges them. Readers must get the same answers as from one index: this builds a site
// big enough to shard, indexes its posts both ways, and searches both in Chromium.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { build } from '../../src/build.ts';
import { startStaticServer, type RunningServer } from '../../src/dev/static-server.ts';
import { buildSearchIndex, shardCount } from '../../src/output/search.ts';
import { launchBrowser, watchErrors, type TestBrowser } from '../helpers/browser.ts';
import { makeProject, post, removeProject } from '../helpers/fixture.ts';
import { STRICT_CSP } from './built-site.ts';

const POSTS = 620;
/** Words that occur in exactly one post each; the posts land in different shards. */
const MARKERS = ['霓虹蜻蜓', '琥珀罗盘', 'zephyrquartz', '青铜风铃'];

describe('a sharded search index in the browser', () => {
  let project: string;
  let browser: TestBrowser;
  let sharded: RunningServer;
  let single: RunningServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    project = makeProject({});
    writeCorpus(path.join(project, 'content'), { posts: POSTS, seed: 11 });
    MARKERS.forEach((word, i) => {
      writeFileSync(
        path.join(project, `content/posts/marker-${i}.md`),
        post({ title: `标记文章 ${i}`, date: '2026-02-0' + (i + 1), tags: '[测试]' }, `这一篇提到${word}，别的文章都没有。\n\n再说一遍：${word}。`),
      );
    });
    const out = path.join(project, 'sharded');
    const result = await build({ root: project, outDir: out, base: '/kb/', url: 'https://example.org' });
    expect(result.ok).toBe(true);
    expect(result.stats.search).toEqual({ shards: shardCount(POSTS + MARKERS.length), indexed: shardCount(POSTS + MARKERS.length) });
    // One edited post re-indexes one shard; the others come from the cache.
    const edited = path.join(project, 'content/posts/marker-3.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('别的文章都没有', '别的文章都没有提到它'));
    const again = await build({ root: project, outDir: out, base: '/kb/', url: 'https://example.org' });
    expect(again.stats.search).toEqual({ shards: shardCount(POSTS + MARKERS.length), indexed: 1 });
    const extra = JSON.parse(readFileSync(path.join(out, 'pagefind/shards.json'), 'utf8')) as string[];
    expect(extra.length + 1).toBe(shardCount(POSTS + MARKERS.length));
    expect(extra.length).toBeGreaterThan(0);
    // The same site with the same posts indexed as one piece.
    const one = path.join(project, 'single');
    cpSync(out, one, { recursive: true });
    rmSync(path.join(one, 'pagefind'), { recursive: true });
    const pages = [...Array(POSTS).keys()]
      .map((i) => `posts/post-${String(i).padStart(5, '0')}/`)
      .concat(MARKERS.map((_, i) => `posts/marker-${i}/`))
      .map((p) => ({ url: `/${p}`, html: readFileSync(path.join(out, p, 'index.html'), 'utf8') }));
    const indexed = await buildSearchIndex({ outDir: one, pages, shards: 1 });
    expect(indexed.errors).toEqual([]);
    const headers = { 'content-security-policy': STRICT_CSP };
    sharded = await startStaticServer({ dir: out, base: '/kb/', headers });
    single = await startStaticServer({ dir: one, base: '/kb/', headers });
    browser = await launchBrowser();
    page = await (await browser.context()).newPage();
    errors = watchErrors(page);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await sharded?.close();
    await single?.close();
    removeProject(project);
  });

  const search = async (server: RunningServer, query: string) => {
    await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, server.url).href, { waitUntil: 'load' });
    await page.waitForSelector('#search-results:is([data-state="done"], [data-state="empty"], [data-state="error"])');
    return page.locator('.search-result a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  };

  it('finds a post whatever shard it is in', async () => {
    for (const [i, word] of MARKERS.entries()) expect(await search(sharded, word)).toEqual([`/kb/posts/marker-${i}/`]);
    expect(errors).toEqual([]);
  });

  it('finds a post by a Chinese word of its body and by its title, with the sentence that holds the word', async () => {
    const results = async (query: string) => {
      await search(sharded, query);
      return page.locator('.search-result').evaluateAll((lis) =>
        lis.map((li) => ({
          title: li.querySelector('.search-result-title')?.textContent ?? '',
          excerpt: li.querySelector('.search-result-excerpt')?.textContent ?? '',
          marked: [...li.querySelectorAll('.search-result-excerpt mark')].map((m) => m.textContent),
        })),
      );
    };
    const byBody = await results(MARKERS[2]!);
    expect(byBody).toEqual([{ title: '标记文章 2', excerpt: expect.stringContaining(`这一篇提到${MARKERS[2]}，别的文章都没有。`) as string, marked: expect.arrayContaining([MARKERS[2]]) as string[] }]);
    const byTitle = await results('标记文章');
    // The four marker posts hold the words in their titles, so they come first.
    expect(byTitle.slice(0, 4).map((r) => r.title).sort()).toEqual(MARKERS.map((_, i) => `标记文章 ${i}`));
    expect(byTitle[0]!.excerpt).toContain('这一篇提到');
    expect(errors).toEqual([]);
  });

  it('answers like a single index', async () => {
    for (const query of [...MARKERS, `${MARKERS[0]} ${MARKERS[1]}`, 'qzxjvwk']) {
      const a = await search(sharded, query);
      const b = await search(single, query);
      // Ranks may differ a little (each shard scores with its own statistics); the answers may not.
      expect(new Set(a), query).toEqual(new Set(b));
    }
    // A word in hundreds of posts fills the page of results either way.
    for (const query of ['InfoNCE', '动量']) expect((await search(sharded, query)).length, query).toBe((await search(single, query)).length);
    expect(errors).toEqual([]);
  });
});
