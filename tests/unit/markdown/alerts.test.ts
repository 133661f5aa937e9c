import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../../src/markdown/processor.ts';
import { renderDocument } from '../../../src/markdown/render.ts';

const processor = createProcessor({ math: { failOn: 'error' } });
const render = (body: string) =>
  renderDocument(processor, { rel: 'posts/a.md', displayPath: 'a.md', body, sitePath: '/posts/a/', docPaths: {}, contentDir: '/nonexistent', base: '/' }).html;

describe('GitHub alerts', () => {
  it('a quote starting with [!WARNING] becomes a titled alert, its content kept', () => {
    expect(render('> [!WARNING]\n> 输入最长 512 个 token。\n> 超出需截断。')).toBe(
      '<div class="markdown-alert markdown-alert-warning">\n<p class="markdown-alert-title">警告</p>\n<p>输入最长 512 个 token。\n超出需截断。</p>\n</div>',
    );
    expect(render('> [!note]\n>\n> **提示**：以字为单位。')).toBe('<div class="markdown-alert markdown-alert-note">\n<p class="markdown-alert-title">注意</p>\n<p><strong>提示</strong>：以字为单位。</p>\n</div>');
  });

  it('leaves other quotes, unknown kinds and a marker that is not first alone', () => {
    for (const md of ['> 普通引用', '> [!DANGER]\n> x', '> 见 [!NOTE] 之后', '> [!NOTE] 同一行的文字']) expect(render(md), md).toMatch(/^<blockquote>/);
  });

  it('raw HTML keeps only the alert classes, nothing else', () => {
    expect(render('<div class="markdown-alert evil">x</div>')).toBe('<div class="markdown-alert">x</div>');
  });

  it('the marker and title never reach the excerpt', () => {
    const r = renderDocument(processor, { rel: 'posts/a.md', displayPath: 'a.md', body: '> [!TIP]\n> 先读这篇。', sitePath: '/posts/a/', docPaths: {}, contentDir: '/nonexistent', base: '/' });
    expect(r.excerpt).toBe('先读这篇。');
  });
});
