import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteKey } from '../../../src/cache/code-key.ts';
import { resolveConfig } from '../../../src/config.ts';
import { renderMany } from '../../../src/markdown/render-pool.ts';
import type { RenderInput } from '../../../src/markdown/render.ts';
import { markdownLabels, TABLES } from '../../../src/config/strings.ts';

const body = `## Loss

Text with a note.[^1]

> [!WARNING]
> Careful.

[^1]: A footnote.`;

const input = (i: number): RenderInput => ({ rel: `posts/p${i}.md`, displayPath: `p${i}.md`, body, sitePath: `/posts/p${i}/`, docPaths: {}, contentDir: '/nonexistent', base: '/' });

describe('the text the renderer writes, in the site language', () => {
  const en = markdownLabels(TABLES.en);

  it('labels footnotes, alerts and heading anchors in English, on this thread and in the worker threads alike', async () => {
    const inputs = Array.from({ length: 4 }, (_, i) => input(i));
    for (const threads of [0, 1]) {
      const out = await renderMany(inputs, { math: { failOn: 'error' }, labels: en, threads, minParallel: 0 });
      for (const r of out) {
        expect(r.html).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
        expect(r.html).toContain('aria-label="Back to reference 1"');
        expect(r.html).toContain('<p class="markdown-alert-title">Warning</p>');
        expect(r.html).toContain('aria-label="Link to this section: Loss"');
        expect(r.html).not.toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('keeps the Chinese labels by default', async () => {
    const [r] = await renderMany([input(0)], { math: { failOn: 'error' }, threads: 0 });
    expect(r!.html).toContain('>脚注</h2>');
    expect(r!.html).toContain('aria-label="返回引用 1"');
    expect(r!.html).toContain('>警告</p>');
  });

  it('gives every cache another key when the language or a string changes', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'folio-labels-'));
    const key = (user: Parameters<typeof resolveConfig>[0]) => siteKey({ root, config: resolveConfig(user), exclude: [] });
    expect(key({ language: 'en' })).not.toBe(key({ language: 'zh-CN' }));
    expect(key({ language: 'en', strings: { rss: 'Feed' } })).not.toBe(key({ language: 'en' }));
    expect(key({ language: 'en' })).toBe(key({ language: 'en' }));
  });
});
