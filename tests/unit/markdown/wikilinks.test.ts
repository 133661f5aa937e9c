import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../../src/markdown/processor.ts';
import { renderDocument } from '../../../src/markdown/render.ts';
import { buildWikiIndex } from '../../../src/markdown/wikilinks.ts';

const processor = createProcessor({ math: { failOn: 'error' } });
const docs = [
  { rel: 'posts/ssl/mae.md', slug: 'mae', title: 'MAE：掩码自编码器', path: '/posts/mae/' },
  { rel: 'posts/ssl/bert.md', slug: 'bert', title: 'BERT 与自监督预训练', path: '/posts/bert/' },
  { rel: 'posts/python/ddp.md', slug: 'ddp', title: 'PyTorch DDP 快速上手', path: '/posts/ddp/' },
  { rel: 'posts/a/notes.md', slug: 'notes-a', title: '读书笔记', path: '/posts/notes-a/' },
  { rel: 'posts/b/notes.md', slug: 'notes-b', title: '读书笔记', path: '/posts/notes-b/' },
  { rel: 'posts/c/csharp.md', slug: 'csharp', title: 'C# 入门', path: '/posts/csharp/' },
];
const wikiIndex = buildWikiIndex(docs);
const docPaths = Object.fromEntries(docs.map((d) => [d.rel, d.path]));

/** Renders a body as posts/ssl/intro.md would be, under the given base. */
function render(body: string, base = '/') {
  return renderDocument(processor, { rel: 'posts/ssl/intro.md', displayPath: 'content/posts/ssl/intro.md', body, sitePath: '/posts/intro/', docPaths, wikiIndex, contentDir: '/nonexistent', base });
}

describe('wikilinks', () => {
  it('[[slug]] links to the post under the base, labelled with its title', () => {
    const r = render('先读 [[mae]] 再说。', '/kb/');
    expect(r.html).toContain('<a href="/kb/posts/mae/">MAE：掩码自编码器</a>');
    expect(r.diagnostics).toEqual([]);
  });

  it('[[标题]] resolves by title, ignoring case and spacing', () => {
    expect(render('见 [[BERT 与自监督预训练]]。').html).toContain('<a href="/posts/bert/">BERT 与自监督预训练</a>');
    expect(render('见 [[pytorch  ddp 快速上手]]。').html).toContain('href="/posts/ddp/"');
  });

  it('[[slug|文字]] uses the alias as the label', () => {
    expect(render('这是 [[mae|掩码自编码器]] 的思路。').html).toContain('<a href="/posts/mae/">掩码自编码器</a>');
  });

  it('[[slug#小节]] and [[标题#小节|文字]] link to the heading id rehype-slug gives', () => {
    const r = render('见 [[bert#掩码语言模型]] 与 [[MAE：掩码自编码器#Loss Function (L2)|损失]]。');
    expect(r.html).toContain(`<a href="/posts/bert/#${encodeURIComponent('掩码语言模型')}">BERT 与自监督预训练 › 掩码语言模型</a>`);
    expect(r.html).toContain('<a href="/posts/mae/#loss-function-l2">损失</a>');
    // Recorded like Markdown links, so fragments are checked and backlinks found.
    expect(r.links.map((l) => [l.target, l.fragment])).toEqual([
      ['posts/ssl/bert.md', '掩码语言模型'],
      ['posts/ssl/mae.md', 'loss-function-l2'],
    ]);
  });

  it('[[#小节]] links to a heading of the same post', () => {
    const r = render('## 方法\n\n回到 [[#方法]]。');
    expect(r.html).toContain(`<a href="#${encodeURIComponent('方法')}">方法</a>`);
  });

  it('a title containing # is matched whole before # is read as a section', () => {
    expect(render('见 [[C# 入门]]。').html).toContain('<a href="/posts/csharp/">C# 入门</a>');
  });

  it('records the sentence around the link as context', () => {
    const r = render('第一句。MAE 的思路见 [[mae]]，很简单。第三句。');
    expect(r.links).toHaveLength(1);
    expect(r.links[0]!.context).toBe('MAE 的思路见 MAE：掩码自编码器，很简单。');
  });

  it('an unresolved wikilink is an error at the column of its [[', () => {
    const body = '\n\n前文。\n\n中文字符 **粗体** 之后 [[不存在的文章]] 结束。';
    const r = render(body);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    const line = body.split('\n')[4]!;
    expect(errors[0]).toMatchObject({ file: 'content/posts/ssl/intro.md', line: 5, column: line.indexOf('[[') + 1, rule: 'wikilink/unresolved' });
    expect(errors[0]!.message).toContain('不存在的文章');
  });

  it('the column is exact inside lists and quotes, after escapes', () => {
    const body = '- 第一项\n  续行 \\* [[nope]]\n\n> 引用\n> 再一行 &amp; [[nope2]]';
    const errors = render(body).diagnostics;
    expect(errors.map((d) => [d.line, d.column])).toEqual([
      [2, body.split('\n')[1]!.indexOf('[[') + 1],
      [5, body.split('\n')[4]!.indexOf('[[') + 1],
    ]);
  });

  it('an unresolved heading is left to the fragment check, but an unknown post is not', () => {
    const r = render('见 [[mae#没有这一节]]。');
    expect(r.diagnostics).toEqual([]);
    expect(r.links[0]).toMatchObject({ target: 'posts/ssl/mae.md', fragment: '没有这一节' });
  });

  it('an ambiguous title is an error naming the candidates', () => {
    const [d] = render('见 [[读书笔记]]。').diagnostics;
    expect(d).toMatchObject({ rule: 'wikilink/ambiguous', line: 1, column: 3 });
    expect(d!.message).toContain('posts/a/notes.md');
    expect(d!.message).toContain('posts/b/notes.md');
  });

  it('leaves [[ alone in code, inline code, math, links and escapes', () => {
    const body = [
      '```python',
      'grads = [[1, 2] for r in range(3)]  # [[mae]]',
      '```',
      '',
      '行内 `x[[mae]]` 代码，公式 $a[[b]]$，链接 [见 [[mae]]](https://example.org)，转义 \\[\\[mae]]。',
      '',
      '$$',
      'M = [[1, 2], [3, 4]]',
      '$$',
    ].join('\n');
    const r = render(body);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.links).toEqual([]);
    expect(r.html).toContain('[[mae]]</code>');
    expect(r.html).toContain('转义 [[mae]]');
    expect(r.html).not.toContain('href="/posts/mae/"');
  });

  it('works inside a table cell with an escaped pipe', () => {
    const r = render('| 方法 | 文章 |\n| --- | --- |\n| MAE | [[mae\\|掩码自编码器]] |');
    expect(r.html).toContain('<a href="/posts/mae/">掩码自编码器</a>');
  });

  it('without an index every wikilink is reported, never dropped silently', () => {
    const r = renderDocument(processor, { rel: 'posts/x.md', displayPath: 'x.md', body: '[[mae]]', sitePath: '/posts/x/', docPaths: {}, contentDir: '/nonexistent', base: '/' });
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['wikilink/unresolved']);
  });
});
