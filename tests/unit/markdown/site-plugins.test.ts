import type { Element, Root } from 'hast';
import type { Heading, Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createProcessor, sitePlugins } from '../../../src/markdown/processor.ts';
import { renderDocument } from '../../../src/markdown/render.ts';
import { bodyFor, payloads, refused } from '../../fixtures/xss.ts';
import { activeContent } from '../../helpers/inert.ts';

/** A site's remark plugin: a class and a data attribute on every heading, the unified way. */
function remarkHeadingClass(options: { className: string }) {
  return (tree: MdastRoot) => {
    visit(tree, 'heading', (node: Heading) => {
      node.data = { ...node.data, hProperties: { className: [options.className], dataLevel: String(node.depth) } };
    });
  };
}

/** A site's remark plugin that writes raw HTML: that is text like the author's, and is sanitised. */
function remarkRawScript() {
  return (tree: MdastRoot) => {
    tree.children.push({ type: 'html', value: '<script>alert(1)</script><b onclick="alert(2)">b</b>' });
  };
}

/** A site's rehype plugin: wraps every table in a scrolling box. */
function rehypeTableBox() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-box'], style: 'overflow:auto' }, children: [node] };
    });
  };
}

/** A lint-like plugin: a warning at each heading that says "TODO". */
function remarkNoTodo() {
  return (tree: MdastRoot, file: VFile) => {
    visit(tree, 'heading', (node: Heading) => {
      if (JSON.stringify(node).includes('TODO')) file.message('heading still says TODO', { place: node.position, ruleId: 'no-todo', source: 'remark-no-todo' });
    });
  };
}

function remarkFailOnFixme() {
  return (tree: MdastRoot, file: VFile) => {
    visit(tree, 'text', (node) => {
      if (node.value.includes('FIXME')) file.fail('FIXME left in the post', { place: node.position, ruleId: 'fixme', source: 'remark-fixme' });
    });
  };
}

const render = (body: string, config: Parameters<typeof sitePlugins>[0]) =>
  renderDocument(createProcessor({ math: { failOn: 'error' }, plugins: sitePlugins(config) }), { rel: 'posts/a.md', displayPath: 'a.md', body, sitePath: '/posts/a/', docPaths: {}, contentDir: '/nonexistent', base: '/' });

describe('site Markdown plugins', () => {
  it('keeps the classes and attributes a site remark plugin gives, with no removal warnings', () => {
    const r = render('## 方法\n\n正文', { markdown: { remarkPlugins: [[remarkHeadingClass, { className: 'fancy' }]] } });
    expect(r.html).toMatch(/<h2[^>]*class="fancy"[^>]*data-level="2"|<h2[^>]*data-level="2"[^>]*class="fancy"/);
    expect(r.html).not.toContain('data-folio-keep');
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps an element name a site plugin chooses, but never one that runs or embeds something', () => {
    const remarkAside = () => (tree: MdastRoot) => {
      visit(tree, 'blockquote', (node) => {
        node.data = { hName: 'aside', hProperties: { className: ['note'], role: 'note' } };
      });
      visit(tree, 'inlineCode', (node) => {
        node.data = { hName: 'script' };
      });
    };
    const r = render('> 旁注\n\n`alert(1)`', { markdown: { remarkPlugins: [remarkAside] } });
    expect(r.html).toContain('<aside class="note" role="note">\n<p>旁注</p>\n</aside>');
    expect(r.html).not.toContain('<script');
  });

  it('still sanitises raw HTML in the post, and raw HTML a plugin writes, when site plugins are on', () => {
    const r = render('## 标题\n\n<p data-folio-keep="guess:0" class="fancy" onclick="alert(3)">x</p>\n\n<script>alert(4)</script>', {
      plugins: [{ name: 'raw', remarkPlugins: [remarkHeadingClass.bind(null, { className: 'fancy' }), remarkRawScript] }],
    });
    expect(r.html).not.toMatch(/<script|onclick|data-folio-keep|alert\(/);
    expect(r.html).toMatch(/<p( class="")?>x<\/p>/);
    expect(r.diagnostics.filter((d) => d.rule === 'html/removed').length).toBeGreaterThanOrEqual(3);
  });

  it('runs site rehype plugins last, so what they add is kept as made', () => {
    const r = render('| a | b |\n|---|---|\n| 1 | 2 |', { markdown: { rehypePlugins: [rehypeTableBox] } });
    expect(r.html).toMatch(/^<div class="table-box" style="overflow:auto"><table>/);
  });

  it('turns a plugin\'s file.message into a warning at its place, and file.fail into an error for that document', () => {
    const warned = render('正文\n\n## TODO 方法', { markdown: { remarkPlugins: [remarkNoTodo] } });
    expect(warned.diagnostics).toEqual([{ file: 'a.md', line: 3, column: 1, message: 'heading still says TODO (remark-no-todo:no-todo)', severity: 'warning', rule: 'plugin/remark-no-todo:no-todo' }]);
    const failed = render('第一段\n\n还有 FIXME', { plugins: [{ name: 'fixme', remarkPlugins: [remarkFailOnFixme] }] });
    expect(failed.html).toBe('');
    expect(failed.diagnostics).toEqual([{ file: 'a.md', line: 3, column: 1, message: 'FIXME left in the post (remark-fixme:fixme)', severity: 'error', rule: 'plugin/remark-fixme:fixme' }]);
  });

  it('makes a plugin that throws an error for that document, not a crash of the build', () => {
    const remarkThrows = () => () => {
      throw new TypeError("Cannot read properties of undefined (reading 'value')");
    };
    const r = render('正文', { markdown: { remarkPlugins: [remarkThrows] } });
    expect(r.html).toBe('');
    expect(r.diagnostics).toEqual([{ file: 'a.md', line: 1, column: 1, message: "a Markdown plugin failed on this document: Cannot read properties of undefined (reading 'value')", severity: 'error', rule: 'render/plugin-error' }]);
  });

  it('names an unknown code language from the block itself', () => {
    const r = render('```klingon\nx\n```', {});
    expect(r.diagnostics.map((d) => [d.rule, d.message, d.line])).toEqual([['code/unknown-language', 'unknown code language "klingon": the block is shown without highlighting', 1]]);
  });
});

describe('the injection corpus with site plugins on', () => {
  /** A site plugin that puts a class on every paragraph, link, image and heading it sees. */
  function remarkClassEverything() {
    return (tree: MdastRoot) => {
      visit(tree, (node) => {
        if (['paragraph', 'link', 'image', 'heading', 'emphasis'].includes(node.type)) node.data = { ...node.data, hProperties: { className: [`site-${node.type}`] } };
      });
    };
  }
  const processor = createProcessor({ math: { failOn: 'warning' }, plugins: sitePlugins({ markdown: { remarkPlugins: [remarkClassEverything], rehypePlugins: [rehypeTableBox] } }) });

  it.each([...payloads, ...refused].map((p) => [p.name, p] as const))('%s stays inert', (_name, p) => {
    const r = renderDocument(processor, { rel: 'posts/a.md', displayPath: 'a.md', body: bodyFor(p), sitePath: '/posts/a/', docPaths: {}, contentDir: '/nonexistent', base: '/' });
    expect(activeContent(r.html, { page: false, base: '/' })).toEqual([]);
    expect(r.html).not.toContain('data-folio-keep');
    // The site plugin's classes are there: what it made is kept, while the payload is not.
    if (p.kind !== 'math') expect(r.html).toContain('class="site-paragraph"');
  });
});
