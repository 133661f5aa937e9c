import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RenderCache } from '../../../src/cache/render-cache.ts';
import type { Rendered, RenderInput } from '../../../src/markdown/render.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const input = (rel: string, base = '/'): RenderInput => ({ rel, displayPath: rel, body: `# ${rel}\n`, sitePath: `/${rel}/`, docPaths: {}, contentDir: '/nowhere', base });
const rendered = (rel: string): Rendered => ({ html: `<h1>${rel}</h1>`, toc: [], headingIds: [], text: rel, excerpt: rel, readingMinutes: 1, hasMath: false, hasCode: false, links: [], assets: [], diagnostics: [], deps: {} });

describe('render cache pruning', () => {
  it('keeps what another build beside it uses, and drops what nobody used for an hour', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-render-cache-'));
    dirs.push(dir);
    // Two builds of one site under two base paths share the cache.
    const a = new RenderCache(dir, 'site-key');
    const b = new RenderCache(dir, 'site-key');
    const atRoot = a.set(input('posts/x.md'), rendered('x'))!;
    await a.prune();
    b.set(input('posts/x.md', '/kb/'), rendered('x'));
    await b.prune();
    // Build A reads its HTML only when it writes the page: still there after B pruned.
    expect(existsSync(path.join(dir, 'render', `${a.key(input('posts/x.md'))}.html`))).toBe(true);
    expect(atRoot.html).toBe('<h1>x</h1>');
    // An entry untouched for two hours goes; one a build hits is touched and stays.
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const key = a.key(input('posts/x.md'));
    utimesSync(path.join(dir, 'render', `${key}.json`), old, old);
    const c = new RenderCache(dir, 'site-key');
    expect(c.get(input('posts/x.md'))).toBeDefined();
    await new RenderCache(dir, 'site-key').prune();
    expect(existsSync(path.join(dir, 'render', `${key}.html`))).toBe(true);
    utimesSync(path.join(dir, 'render', `${key}.json`), old, old);
    await new RenderCache(dir, 'site-key').prune();
    expect(existsSync(path.join(dir, 'render', `${key}.html`))).toBe(false);
    expect(existsSync(path.join(dir, 'render', `${key}.json`))).toBe(false);
  });

  it('answers a render’s HTML while its files are being written, then from the files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-render-cache-'));
    dirs.push(dir);
    const cache = new RenderCache(dir, 'site-key');
    const stored = cache.set(input('posts/y.md'), rendered('y'))!;
    expect(stored.html).toBe('<h1>y</h1>');
    await cache.prune();
    const htmlFile = path.join(dir, 'render', `${cache.key(input('posts/y.md'))}.html`);
    expect(readFileSync(htmlFile, 'utf8')).toBe('<h1>y</h1>');
    // Once written, the HTML comes from the file: memory does not hold every post's markup.
    writeFileSync(htmlFile, '<h1>y, from disk</h1>');
    expect(stored.html).toBe('<h1>y, from disk</h1>');
    // The next build finds the entry through the pack.
    expect(new RenderCache(dir, 'site-key').get(input('posts/y.md'))?.excerpt).toBe('y');
  });
});
