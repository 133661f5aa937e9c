// The link scan `folio dev` uses to find a post's backlinks before rendering: every link that
// rendering records from a source must be among the scanned targets, whatever its form.
import { describe, expect, it } from 'vitest';
import { scanLinkTargets } from '../../../src/markdown/link-scan.ts';
import { createProcessor } from '../../../src/markdown/processor.ts';
import { renderDocument } from '../../../src/markdown/render.ts';
import { buildWikiIndex } from '../../../src/markdown/wikilinks.ts';

const processor = createProcessor({ math: { failOn: 'error' } });
const docs = [
  { rel: 'posts/ssl/mae.md', slug: 'mae', title: 'MAE：掩码自编码器', path: '/posts/mae/' },
  { rel: 'posts/ssl/bert.md', slug: 'bert', title: 'BERT 与自监督预训练', path: '/posts/bert/' },
  { rel: 'posts/python/ddp.md', slug: 'ddp', title: 'PyTorch DDP 快速上手', path: '/posts/ddp/' },
  { rel: 'posts/python/a b(1).md', slug: 'ab1', title: '文件名里有空格', path: '/posts/ab1/' },
  { rel: 'pages/about.md', slug: 'about', title: '关于', path: '/about/' },
];
const wikiIndex = buildWikiIndex(docs);
const docPaths = Object.fromEntries(docs.map((d) => [d.rel, d.path]));
const SELF = 'posts/ssl/intro.md';

/** What rendering records, and what the scan finds, for a body of posts/ssl/intro.md. */
function both(body: string) {
  const rendered = renderDocument(processor, { rel: SELF, displayPath: `content/${SELF}`, body, sitePath: '/posts/intro/', docPaths, wikiIndex, contentDir: '/nonexistent', base: '/' });
  return { recorded: [...new Set(rendered.links.map((l) => l.target))].sort(), scanned: [...scanLinkTargets({ rel: SELF, body, docPaths, wikiIndex })].sort() };
}

describe('scanLinkTargets', () => {
  it.each([
    ['a wikilink by slug, by title, with a heading and an alias', '见 [[mae]]、[[BERT 与自监督预训练#掩码语言模型|BERT]] 和 [[pytorch  ddp 快速上手]]。', ['posts/python/ddp.md', 'posts/ssl/bert.md', 'posts/ssl/mae.md']],
    ['inline links and images, relative and up a folder', '[MAE](./mae.md#损失函数) 与 [DDP](../python/ddp.md)，![图](mae.md)。', ['posts/python/ddp.md', 'posts/ssl/mae.md']],
    ['a destination in angle brackets, percent-encoded or with parentheses', '[甲](<../python/a b(1).md>)，[乙](../python/a%20b(1).md)。', ['posts/python/a b(1).md']],
    ['backslash escapes and character references in the destination', '[甲](../python/a%20b\\(1\\).md "t")，[乙](&#46;/mae.md)。', ['posts/python/a b(1).md', 'posts/ssl/mae.md']],
    ['reference definitions, the destination on the next line', '[甲][m] 和 [乙][d]\n\n[m]: ./mae.md\n[d]:\n  <../python/ddp.md> "标题"', ['posts/python/ddp.md', 'posts/ssl/mae.md']],
    ['raw HTML anchors', '<a href="./mae.md">MAE</a> 与 <a href=\'../../pages/about.md\'>关于</a>', ['pages/about.md', 'posts/ssl/mae.md']],
    ['links in a list, a table and a quote', '- [甲](./mae.md)\n\n| a |\n|---|\n| [[bert]] |\n\n> 见 [[ddp]]', ['posts/python/ddp.md', 'posts/ssl/bert.md', 'posts/ssl/mae.md']],
  ])('finds %s', (_, body, targets) => {
    const { recorded, scanned } = both(body);
    expect(recorded).toEqual(targets);
    expect(scanned).toEqual(targets);
  });

  it('finds links that only look like links too (in code), never fewer than rendering records', () => {
    const { recorded, scanned } = both('`[[mae]]` 与\n\n```md\n[x](../python/ddp.md)\n```\n\n但 [[bert]] 是链接。');
    expect(recorded).toEqual(['posts/ssl/bert.md']);
    expect(scanned).toEqual(['posts/python/ddp.md', 'posts/ssl/bert.md', 'posts/ssl/mae.md']);
  });

  it('leaves out external links, site paths and wikilinks that name no post', () => {
    expect(both('[甲](https://arxiv.org/abs/2111.06377)，[乙](/tags/mae/)，[丙](#小节)，[[没有这篇]]。').scanned).toEqual([]);
  });
});
