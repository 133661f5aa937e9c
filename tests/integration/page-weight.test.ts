import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { basicSite } from '../fixtures/basic.ts';
import { makeProject, read, removeProject } from '../helpers/fixture.ts';

const gz = (bytes: Buffer | string) => gzipSync(bytes).length;

/** Local stylesheets and scripts a page loads up front, and the static imports of its modules. */
function pageAssets(out: string, html: string, base: string): string[] {
  const urls = [...html.matchAll(/<(?:link rel="stylesheet"|script)[^>]*(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = urls.filter((u) => u.startsWith(base)).map((u) => u.slice(base.length));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) {
      const code = readFileSync(path.join(out, file), 'utf8');
      for (const m of code.matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"]*from\s*)?["']\.\/([^'"]+)["']/g)) queue.push(path.posix.join(path.posix.dirname(file), m[1]!));
    }
  }
  return [...seen];
}

describe('page weight', () => {
  let project: string;
  let out: string;
  beforeAll(async () => {
    project = makeProject(basicSite);
    out = path.join(project, 'out');
    expect((await build({ root: project, outDir: out, base: '/', url: 'https://example.org', search: false })).ok).toBe(true);
  });
  afterAll(() => removeProject(project));

  it('keeps a post without math under 40 KB of HTML, CSS and JS (gzip), with no KaTeX', () => {
    const html = read(out, 'posts/ddp/index.html');
    const assets = pageAssets(out, html, '/');
    expect(assets.some((a) => a.includes('math'))).toBe(false);
    const total = gz(html) + assets.reduce((sum, a) => sum + gz(readFileSync(path.join(out, a))), 0);
    expect(total).toBeLessThan(40 * 1024);
  });

  it('loads KaTeX CSS only on a post with math, and no script blocks rendering except the tiny theme bootstrap', () => {
    const html = read(out, 'posts/mae/index.html');
    expect(pageAssets(out, html, '/').some((a) => /math-.*\.css$/.test(a))).toBe(true);
    const blocking = [...html.matchAll(/<script(?![^>]*type="(?:module|application\/ld\+json)")(?![^>]*\b(?:defer|async)\b)[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(blocking.length).toBeLessThanOrEqual(1);
    for (const src of blocking) expect(readFileSync(path.join(out, src.slice(1))).length).toBeLessThan(1024);
  });
});
