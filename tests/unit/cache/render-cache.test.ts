import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
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
  it('keeps what another build beside it uses, and drops what nobody used for an hour', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-render-cache-'));
    dirs.push(dir);
    // Two builds of one site under two base paths share the cache.
    const a = new RenderCache(dir, 'site-key');
    const b = new RenderCache(dir, 'site-key');
    const atRoot = a.set(input('posts/x.md'), rendered('x'))!;
    b.set(input('posts/x.md', '/kb/'), rendered('x'));
    b.prune();
    // Build A reads its HTML only when it writes the page: still there after B pruned.
    expect(atRoot.html).toBe('<h1>x</h1>');
    // An entry untouched for two hours goes; one a build hits is touched and stays.
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const key = a.key(input('posts/x.md'));
    utimesSync(path.join(dir, 'render', `${key}.json`), old, old);
    const c = new RenderCache(dir, 'site-key');
    expect(c.get(input('posts/x.md'))).toBeDefined();
    new RenderCache(dir, 'site-key').prune();
    expect(existsSync(path.join(dir, 'render', `${key}.html`))).toBe(true);
    utimesSync(path.join(dir, 'render', `${key}.json`), old, old);
    new RenderCache(dir, 'site-key').prune();
    expect(existsSync(path.join(dir, 'render', `${key}.html`))).toBe(false);
    expect(existsSync(path.join(dir, 'render', `${key}.json`))).toBe(false);
  });
});
