import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folio, listFiles, makeProject, REPO, removeProject } from '../helpers/fixture.ts';

/**
 * `folio import hexo` on the fixture blog (tests/fixtures/hexo), into an empty folder, then a
 * real `folio build` of the result: every old URL must lead to its post, and no Hexo tag may
 * be left as text but the one the report names.
 */
const HEXO = path.join(REPO, 'tests/fixtures/hexo');

/** Old permalink (as Hexo wrote it to disk) → the post it must lead to. */
const OLD_URLS: Record<string, string> = {
  '2023/09/27/Transformer_详解/index.html': '/posts/transformer-%E8%AF%A6%E8%A7%A3/',
  '2023/09/28/BERT-Notes/index.html': '/posts/bert-notes/',
  '2023/10/01/2048/index.html': '/posts/2048/',
  '2023/10/02/ml/intro/index.html': '/posts/intro-2/',
  '2023/10/03/cv/intro/index.html': '/posts/intro/',
};

const digest = (dir: string) => listFiles(dir).map((f) => `${f} ${createHash('sha1').update(readFileSync(path.join(dir, f))).digest('hex')}`);

let site: string;
let report: { code: number; stdout: string; stderr: string };
let built: { code: number; stdout: string; stderr: string };
let hexoBefore: string[];

beforeAll(() => {
  hexoBefore = digest(HEXO);
  site = makeProject({});
  report = folio(site, 'import', 'hexo', HEXO);
  built = folio(site, 'build', '--no-search');
});
afterAll(() => removeProject(site));

const read = (rel: string) => readFileSync(path.join(site, rel), 'utf8');
const page = (rel: string) => fromHtml(read(path.join('dist', rel))) as Root;

describe('folio import hexo', () => {
  it('converts every post, reports the one tag it could not convert at file:line, and exits 1 for it', () => {
    expect(report.stderr).toBe('');
    expect(report.stdout).toMatch(/^Imported 5 of 5 posts from .*tests\/fixtures\/hexo \(2 files beside posts, 2 into public\/\)\./);
    expect(report.stdout).toContain('5 of them keep their old URL as an alias');
    const needs = report.stdout.slice(report.stdout.indexOf('Needs you'));
    expect(needs).toMatch(/^Needs you \(1\):\n {2}\S*source\/_posts\/2048\.md:11: \{% youtube dQw4w9WgXcQ %\}: \{% youtube %\} has no Markdown form; left in place \(content\/posts\/2048\.md:14\)\n/);
    expect(read('content/posts/2048.md').split('\n')[13]).toBe('{% youtube dQw4w9WgXcQ %}');
    expect(report.code).toBe(1);
  });

  it('counts the changes by kind and lists the dropped Hexo keys', () => {
    for (const line of [
      /\{% asset_img %\} → image +1/,
      /\{% note %\} → alert +2/,
      /\{% codeblock %\} → fenced code +1/,
      /\{% raw %\} unwrapped +1/,
      /\{% post_link %\} → \.\/x\.md link +2/,
      /link: permalink → \.\/x\.md +3/,
      /math: \$\$ moved onto its own line +2/,
      /slug: collision renamed +1/,
    ]) expect(report.stdout).toMatch(line);
    expect(report.stdout).toContain('dropped: comments (1), cover (1), layout (1), mathjax (1), toc (1), top (1)');
    expect(report.stdout).toMatch(/ml\/intro\.md:1: the slug "intro" is taken by another imported post; this post is \/posts\/intro-2\//);
    expect(report.stdout).toMatch(/about\/index\.md:1: a Hexo page, not a post: not imported/);
  });

  it('writes Folio frontmatter: loose dates, nested categories, numeric title, description, aliases', () => {
    const transformer = read('content/posts/transformer-详解.md');
    expect(transformer.slice(0, transformer.indexOf('\n---\n'))).toBe(
      [
        '---',
        'title: Transformer 详解',
        'date: 2023-09-27',
        'updated: 2023-10-05 21:30:00',
        'tags:',
        '  - Transformer',
        '  - NLP',
        'category: 深度学习',
        'summary: 从注意力机制到多头注意力，一步步读懂 Transformer。',
        'aliases:',
        '  - /2023/09/27/Transformer_详解/',
      ].join('\n'),
    );
    expect(read('content/posts/2048.md')).toMatch(/^---\ntitle: "2048"\ndate: 2023-10-01 08:05\ntags:\n {2}- 游戏\n {2}- 周末\ncategory: 随笔\n/);
    expect(read('content/posts/bert-notes.md')).toMatch(/^---\ntitle: "BERT: 预训练语言模型"\ndate: 2023-09-28 10:00\ntags:\n {2}- BERT\n {2}- NLP\n {2}- 预训练\n {2}- 笔记\ncategory: 深度学习\n/);
    // The ;;; JSON frontmatter post.
    expect(read('content/posts/intro.md')).toMatch(/^---\ntitle: 计算机视觉入门\ndate: 2023-10-03 09:00:00\n/);
  });

  it('copies the asset folder beside the post and source/ files into public/, and never touches the Hexo blog', () => {
    expect(listFiles(site).filter((f) => !f.startsWith('dist/') && !f.startsWith('.'))).toEqual([
      'content/posts/2048.md',
      'content/posts/bert-notes.md',
      'content/posts/intro-2.md',
      'content/posts/intro.md',
      'content/posts/transformer-详解.md',
      'content/posts/transformer-详解/attention.png',
      'content/posts/transformer-详解/multi head.png',
      'public/CNAME',
      'public/images/logo.png',
    ]);
    expect(digest(HEXO)).toEqual(hexoBefore);
  });

  it('the converted site builds; the one tag left in place is a warning at the line the import named', () => {
    expect(built.stderr.split('\n').filter((l) => /: (warning|error): /.test(l))).toEqual([
      expect.stringMatching(/^content\/posts\/2048\.md:14:1: warning: Liquid\/Hexo tag \{% youtube … %\} is not Markdown/),
    ]);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^built 5 posts/);
  });

  it('every old URL is a redirect page leading to its post', () => {
    for (const [old, target] of Object.entries(OLD_URLS)) {
      const tree = page(old);
      const metas: Element[] = [];
      visitParents(tree, 'element', (e: Element) => {
        if (e.tagName === 'meta') metas.push(e);
      });
      expect(metas.find((m) => String(m.properties.httpEquiv) === 'refresh')?.properties.content, old).toBe(`0; url=${target}`);
      expect(existsSync(path.join(site, 'dist', decodeURIComponent(target), 'index.html')), target).toBe(true);
    }
  });

  it('leaves no {% as text but the reported tag; code keeps its own', () => {
    const leftovers: string[] = [];
    for (const file of listFiles(path.join(site, 'dist/posts')).filter((f) => f.endsWith('.html'))) {
      visitParents(page(`posts/${file}`), 'text', (node: Text, ancestors) => {
        const inCode = ancestors.some((a) => a.type === 'element' && ['code', 'pre', 'script'].includes((a as Element).tagName));
        if (!inCode && node.value.includes('{%')) leftovers.push(`${file}: ${node.value.trim()}`);
      });
    }
    expect(leftovers).toEqual(['2048/index.html: {% youtube dQw4w9WgXcQ %}']);
    expect(read('dist/posts/bert-notes/index.html')).toContain('{% 不是标签 %}');
  });

  it('renders what the tags meant: alerts, code, raw text, quotes, images and links between posts', () => {
    const bert = read('content/posts/bert-notes.md');
    expect(bert).toContain('> [!WARNING]\n> BERT 的输入最长 512 个 token。\n> 超出的部分需要截断。\n');
    expect(bert).toContain('> [!NOTE]\n> **提示**：中文 BERT 以字为单位。\n');
    expect(bert).toContain('*mlm.py*\n\n```python\ndef mask_tokens(tokens, rate=0.15):\n');
    expect(bert).toContain('\n在 Jinja 里写 {{ name }} 输出变量。\n');
    expect(bert).toContain('> — Jacob Devlin, BERT, [Pre-training of Deep Bidirectional Transformers](https://arxiv.org/abs/1810.04805)');
    const html = read('dist/posts/bert-notes/index.html');
    expect(html).toContain('<div class="markdown-alert markdown-alert-warning">\n<p class="markdown-alert-title">警告</p>\n<p>BERT 的输入最长 512 个 token。');
    expect(html).toContain('<div class="markdown-alert markdown-alert-note">\n<p class="markdown-alert-title">注意</p>');
    expect(html).not.toContain('[!WARNING]');
    expect(html).toContain('<code class="hljs language-python">');
    const hrefs: string[] = [];
    visitParents(page('posts/bert-notes/index.html'), 'element', (e: Element) => {
      if (e.tagName === 'a' && typeof e.properties.href === 'string' && e.properties.href.startsWith('/posts/')) hrefs.push(`${toString(e)} ${e.properties.href}`);
    });
    expect(hrefs.slice(0, 3)).toEqual([
      'Transformer /posts/transformer-%E8%AF%A6%E8%A7%A3/',
      '上一篇 /posts/transformer-%E8%AF%A6%E8%A7%A3/#%E6%B3%A8%E6%84%8F%E5%8A%9B',
      'Transformer 详解 /posts/transformer-%E8%AF%A6%E8%A7%A3/',
    ]);
    const transformer = read('dist/posts/transformer-详解/index.html');
    for (const img of ['attention.png', 'multi%20head.png']) expect(transformer).toContain(`src="/posts/transformer-%E8%AF%A6%E8%A7%A3/${img}"`);
    expect(transformer).toContain('href="/posts/transformer-%E8%AF%A6%E8%A7%A3/attention.png"');
    expect(transformer).toContain('src="/images/logo.png"');
    // Raw HTML that named an asset by its bare name (post_asset_folder) points beside the post too.
    expect(transformer).toMatch(/<img src="\/posts\/transformer-%E8%AF%A6%E8%A7%A3\/attention\.png" width="50%" alt="注意力示意图（缩小）"/);
    expect(existsSync(path.join(site, 'dist/posts/transformer-详解/multi head.png'))).toBe(true);
    expect(existsSync(path.join(site, 'dist/images/logo.png'))).toBe(true);
    expect(read('dist/posts/intro/index.html')).toContain('<a href="/posts/intro-2/">机器学习入门</a>');
  });

  it('puts $$ on lines of their own and undoes Markdown escapes inside math', () => {
    const transformer = read('content/posts/transformer-详解.md');
    expect(transformer).toContain('缩放点积注意力的定义是\n\n$$\n\\mathrm{Attention}(Q,K,V) = \\mathrm{softmax}(\\frac{QK^T}{\\sqrt{d_k}})V\n$$\n其中 $d_k$ 是键向量的维度。');
    expect(transformer).toContain('$$\nL = \\sum_i \\ell(y_i, \\hat{y}_i)\n+ \\lambda \\lVert \\theta \\rVert^2\n$$');
    const bert = read('content/posts/bert-notes.md');
    expect(bert).toContain('\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}');
    expect(bert).toContain('其中 $a_i$ 表示');
    // Rendered: display math, a two-row matrix, a subscript.
    const html = read('dist/posts/transformer-详解/index.html');
    expect(html.match(/class="math math-display"/g)).toHaveLength(2);
    const bertHtml = read('dist/posts/bert-notes/index.html');
    expect(bertHtml).toContain('<annotation encoding="application/x-tex">\\begin{bmatrix} a &amp; b \\\\ c &amp; d \\end{bmatrix}</annotation>');
    expect(bertHtml).toContain('<annotation encoding="application/x-tex">a_i</annotation>');
  });

  it('a second import overwrites nothing and says so', () => {
    const before = digest(path.join(site, 'content'));
    const again = folio(site, 'import', 'hexo', HEXO);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^Imported 0 of 5 posts/);
    expect(again.stdout).toContain('content/posts/bert-notes.md already exists; not overwritten');
    expect(again.stdout).toContain('public/images/logo.png already exists; not overwritten');
    expect(digest(path.join(site, 'content'))).toEqual(before);
  });

  it('refuses a folder that is not a Hexo blog, as a usage error', () => {
    const r = folio(site, 'import', 'hexo', path.join(site, 'content'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/_config\.yml not found/);
    expect(folio(site, 'import', 'jekyll', HEXO).code).toBe(2);
  });
});

describe('importHexo on small blogs', () => {
  const blog = (config: string, posts: Record<string, string>, siteFiles: Record<string, string> = {}) => {
    const hexo = makeProject({ '_config.yml': config, ...Object.fromEntries(Object.entries(posts).map(([k, v]) => [`source/_posts/${k}`, v])) });
    const target = makeProject(siteFiles);
    return { hexo, target };
  };
  const run = async (hexo: string, target: string) => {
    const { importHexo } = await import('../../src/import/hexo/import.ts');
    return importHexo({ hexoDir: hexo, siteDir: target, contentDir: path.join(target, 'content'), publicDir: path.join(target, 'public'), siteZone: 'Asia/Shanghai', display: (abs) => path.relative(target, abs) });
  };

  it('is ok (exit 0) when everything converted; root, abbrlink and full-URL links are understood', async () => {
    const { hexo, target } = blog('url: https://me.example.org/blog\nroot: /blog/\npermalink: posts/:abbrlink.html\ntimezone: Asia/Shanghai\n', {
      'a.md': '---\ntitle: A\ndate: 2024-01-02\nabbrlink: 5e1f\n---\n\n见 [B](https://me.example.org/blog/posts/77aa.html#x) 和 [B](/blog/posts/77aa.html)。\n',
      'b.md': '---\ntitle: B\ndate: 2024-01-03\nabbrlink: 77aa\n---\n\n## x\n',
    });
    try {
      const r = await run(hexo, target);
      expect(r.log.notes).toEqual([]);
      expect(r.ok).toBe(true);
      expect(read2(target, 'content/posts/a.md')).toBe('---\ntitle: A\ndate: 2024-01-02\naliases:\n  - /posts/5e1f.html\n---\n\n见 [B](./b.md#x) 和 [B](./b.md)。\n');
      const { importReport } = await import('../../src/import/hexo/report.ts');
      expect(importReport(r, 'blog')).toContain("set base: '/blog/' in site.config.ts");
    } finally {
      removeProject(hexo);
      removeProject(target);
    }
  });

  it('moves aside from a post of the site elsewhere under posts/, and never replaces one at the same path', async () => {
    const { hexo, target } = blog('permalink: :title/\n', { 'mae.md': '---\ntitle: MAE\ndate: 2024-01-02\n---\n\nx\n', 'bert.md': '---\ntitle: BERT\ndate: 2024-01-02\n---\n\ny\n' }, {
      'content/posts/ssl/mae.md': '---\ntitle: 旧 MAE\ndate: 2020-01-01\n---\n',
      'content/posts/bert.md': '---\ntitle: 旧 BERT\ndate: 2020-01-01\n---\n',
    });
    try {
      const r = await run(hexo, target);
      expect(r.posts.map((p) => [p.target, p.alias])).toEqual([['content/posts/mae-2.md', '/mae/']]);
      expect(r.log.notes.map((n) => `${n.file}:${n.line}: ${n.level}: ${n.message}`)).toEqual([
        expect.stringMatching(/mae\.md:1: check: the slug "mae" is taken by a post already in the site; this post is \/posts\/mae-2\//),
        expect.stringMatching(/bert\.md:1: needs: content\/posts\/bert\.md already exists; not overwritten/),
      ]);
      expect(read2(target, 'content/posts/bert.md')).toContain('旧 BERT');
      expect(r.ok).toBe(false);
    } finally {
      removeProject(hexo);
      removeProject(target);
    }
  });
});

const read2 = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
