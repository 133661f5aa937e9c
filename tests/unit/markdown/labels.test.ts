import { describe, expect, it } from 'vitest';
import { renderKey } from '../../../src/cache/render-cache.ts';
import { DEFAULT_LABELS } from '../../../src/markdown/labels.ts';
import { renderMany } from '../../../src/markdown/render-pool.ts';
import type { RenderInput } from '../../../src/markdown/render.ts';
import { markdownLabels, TABLES } from '../../../templates/strings.ts';

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

  it('gives a render another cache key when the labels change', () => {
    expect(renderKey(input(0), en)).not.toBe(renderKey(input(0), DEFAULT_LABELS));
    expect(renderKey(input(0), en)).toBe(renderKey(input(0), markdownLabels(TABLES.en)));
  });
});
