import { describe, expect, it } from 'vitest';
import type { HexoConfig } from '../../../src/import/hexo/config.ts';
import { looseDate } from '../../../src/import/hexo/dates.ts';
import { categoryPaths, convertFrontmatter, splitHexo } from '../../../src/import/hexo/frontmatter.ts';
import { toLines } from '../../../src/import/hexo/lines.ts';
import { ImportLog } from '../../../src/import/hexo/log.ts';
import { convertMath } from '../../../src/import/hexo/math.ts';
import { hexoPermalink, titleFromFileName } from '../../../src/import/hexo/permalink.ts';
import { assignSlugs, slugFromName } from '../../../src/import/hexo/slug.ts';
import { convertTags, type TagContext } from '../../../src/import/hexo/tags.ts';

const CONFIG: HexoConfig = {
  permalink: ':year/:month/:day/:title/',
  permalinkDefaults: {},
  postAssetFolder: true,
  newPostName: ':title.md',
  timezone: 'Asia/Shanghai',
  sourceDir: 'source',
  url: 'https://blog.example.com',
  root: '/',
  defaultCategory: 'uncategorized',
  categoryMap: {},
  filenameCase: 0,
};

describe('slugs from Hexo file names', () => {
  it.each([
    ['Transformer_详解', 'transformer-详解'],
    ['My Post (2)', 'my-post-2'],
    ['Café_Au-Lait', 'cafe-au-lait'],
    ['PyTorch__DDP--快速上手!', 'pytorch-ddp-快速上手'],
    ['２０４８', '2048'],
    ['!!!', 'post'],
  ])('%s → %s', (name, slug) => expect(slugFromName(name)).toBe(slug));

  it('resolves collisions in order, and around slugs the site already has', () => {
    expect(assignSlugs(['intro', 'intro', 'bert', 'intro'], ['bert'])).toEqual({
      slugs: ['intro', 'intro-2', 'bert-2', 'intro-3'],
      renamed: [
        { index: 1, wanted: 'intro', slug: 'intro-2' },
        { index: 2, wanted: 'bert', slug: 'bert-2' },
        { index: 3, wanted: 'intro', slug: 'intro-3' },
      ],
    });
  });

  it('reads the title (and date) out of a file name with new_post_name', () => {
    expect(titleFromFileName(':title.md', 'ml/intro.md')).toEqual({ title: 'ml/intro' });
    expect(titleFromFileName(':year-:month-:day-:title.md', '2023-09-28-bert.md')).toEqual({ title: 'bert', year: 2023, month: 9, day: 28 });
    // A name that does not fit the pattern is slugized, as Hexo does.
    expect(titleFromFileName(':year-:month-:day-:title.md', 'My Post.md')).toEqual({ title: 'My-Post' });
  });
});

describe('loose dates', () => {
  const ok = (v: unknown, hexo = 'Asia/Shanghai', site = 'Asia/Shanghai') => {
    const r = looseDate(v, hexo, site);
    if (!r.ok) throw new Error(r.message);
    return [r.text, r.date.toISOString()];
  };
  it('accepts what Hexo writers write, keeping the wall-clock time', () => {
    expect(ok('2023-9-27')).toEqual(['2023-09-27', '2023-09-26T16:00:00.000Z']);
    expect(ok('2023/09/28 10:00')).toEqual(['2023-09-28 10:00', '2023-09-28T02:00:00.000Z']);
    expect(ok('2023.10.1 8:05:09')).toEqual(['2023-10-01 08:05:09', '2023-10-01T00:05:09.000Z']);
    expect(ok('2023-09-28T10:00:00+0800')).toEqual(['2023-09-28T10:00:00+08:00', '2023-09-28T02:00:00.000Z']);
    expect(ok('2023-09-28 10:00:00Z')).toEqual(['2023-09-28T10:00:00Z', '2023-09-28T10:00:00.000Z']);
  });

  it("writes the blog's zone when the site's differs, so the instant stays the same", () => {
    expect(ok('2023-09-28 10:00', 'America/New_York', 'Asia/Shanghai')).toEqual(['2023-09-28T10:00:00-04:00', '2023-09-28T14:00:00.000Z']);
    // Hexo without a timezone: the site's zone is assumed.
    expect(ok('2023-09-28 10:00', '', 'Asia/Shanghai')).toEqual(['2023-09-28 10:00', '2023-09-28T02:00:00.000Z']);
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['2023-02-30', '2023-13-01', 'Sep 27 2023', 'yesterday', true, null]) expect(looseDate(bad, 'Asia/Shanghai', 'Asia/Shanghai').ok).toBe(false);
  });
});

describe('Hexo frontmatter', () => {
  it('splits --- blocks with and without the opening line, and ;;; JSON', () => {
    expect(splitHexo('---\ntitle: a\n---\nbody\n')).toMatchObject({ data: { title: 'a' }, body: 'body\n', bodyLine: 4, format: 'yaml', lines: { title: 2 } });
    expect(splitHexo('title: a\ndate: 2023-9-1\n---\nbody')).toMatchObject({ data: { title: 'a', date: '2023-9-1' }, body: 'body', bodyLine: 4, lines: { date: 2 } });
    expect(splitHexo(';;;\n"title": "a",\n"tags": ["x"]\n;;;\nbody')).toMatchObject({ data: { title: 'a', tags: ['x'] }, format: 'json', lines: { tags: 3 }, bodyLine: 5 });
    // Leading tabs are two spaces each, as in Hexo.
    expect(splitHexo('---\ntags:\n\t- a\n---\n').data).toEqual({ tags: ['a'] });
    // Text and a horizontal rule are not frontmatter.
    expect(splitHexo('Hello world.\n---\nmore')).toMatchObject({ format: 'none', body: 'Hello world.\n---\nmore' });
    expect(splitHexo('---\ntitle: [a\n---\n').error).toMatchObject({ line: 2 });
  });

  it('reads categories as Hexo does: a string, a path, or several paths', () => {
    expect(categoryPaths('随笔')).toEqual([['随笔']]);
    expect(categoryPaths(['深度学习', 'NLP'])).toEqual([['深度学习', 'NLP']]);
    expect(categoryPaths([['深度学习', '预训练'], ['笔记'], '杂项'])).toEqual([['深度学习', '预训练'], ['笔记'], ['杂项']]);
    expect(categoryPaths([null, '', 2023])).toEqual([['2023']]);
    expect(categoryPaths(null)).toEqual([]);
  });

  const convert = (data: Record<string, unknown>, lines: Record<string, number> = {}) => {
    const log = new ImportLog();
    const fm = convertFrontmatter({ data, lines, file: 'p.md', fileTitle: 'p', fallbackDate: { date: new Date('2023-01-01T00:00:00Z'), from: 'mtime' }, config: CONFIG, siteZone: 'Asia/Shanghai', log });
    return { fm, log };
  };

  it('maps fields: numeric title, tags as a string, categories beyond the first become tags, description → summary', () => {
    const { fm, log } = convert(
      { title: 2048, date: '2023/10/1', updated: '2023-10-05 21:30', tags: '游戏, 周末', categories: [['随笔', '游戏'], ['生活']], description: '一个下午', mathjax: true, toc: true, top: 1 },
      { categories: 6 },
    );
    expect(fm.fields).toEqual({ title: '2048', date: '2023-10-01', updated: '2023-10-05 21:30', tags: ['游戏', '周末', '生活'], category: '随笔', summary: '一个下午' });
    expect(fm.categoryPath).toBe('生活');
    expect(fm.dropped).toEqual(['mathjax', 'toc', 'top']);
    expect(log.changes.get('frontmatter: sub-categories → tags')).toBe(1);
    // Only the split tags are worth a look.
    expect(log.notes.map((n) => [n.line, n.level])).toEqual([[1, 'check']]);
  });

  it('keeps a password-protected or unpublished post out of sight, and says why', () => {
    const { fm, log } = convert({ title: 't', date: '2023-01-01', password: 'secret' }, { password: 4 });
    expect(fm.fields.draft).toBe(true);
    expect(log.notes).toEqual([expect.objectContaining({ line: 4, level: 'needs', message: expect.stringContaining('password-protected') })]);
    expect(convert({ title: 't', date: '2023-01-01', published: false }).fm.fields.draft).toBe(true);
  });

  it('falls back on the file for a missing title or date, and flags a date it cannot read', () => {
    const { fm, log } = convert({ date: 'someday' }, { date: 3 });
    expect(fm.fields.title).toBe('p');
    expect(fm.fields.date).toBe('2023-01-01 08:00:00');
    expect(log.notes.map((n) => [n.line, n.level])).toEqual([
      [1, 'check'],
      [3, 'needs'],
    ]);
  });
});

describe('old permalinks', () => {
  const post = { hexoSlug: 'ml/Attention Is All', title: 'Attention Is All You Need', date: new Date('2023-09-01T18:30:05Z'), category: 'Deep-Learning/NLP', fields: { abbrlink: 'a1b2c3' } };
  const opts = { timeZone: 'Asia/Shanghai', defaultCategory: 'uncategorized', defaults: { lang: 'zh' }, postAssetFolder: false };
  it.each([
    [':year/:month/:day/:title/', '/2023/09/02/ml/Attention Is All/'],
    [':year/:i_month/:i_day/:name.html', '/2023/9/2/Attention Is All.html'],
    [':category/:post_title/', '/Deep-Learning/NLP/attention-is-all-you-need/'],
    ['posts/:abbrlink/', '/posts/a1b2c3/'],
    [':lang/:hour:minute:second/', '/zh/023005/'],
  ])('%s → %s', (pattern, expected) => expect(hexoPermalink(pattern, post, opts)).toEqual({ path: expected, missing: [] }));

  it('adds the / Hexo adds with post_asset_folder, and names what it cannot know', () => {
    expect(hexoPermalink(':title', post, { ...opts, postAssetFolder: true }).path).toBe('/ml/Attention Is All/');
    expect(hexoPermalink('p/:id.html', post, opts).missing).toEqual([':id']);
    expect(hexoPermalink(':hash/', post, opts).path).toMatch(/^\/[0-9a-f]{12}\/$/);
  });
});

describe('tags', () => {
  const run = (text: string, assets: string[] = []) => {
    const log = new ImportLog();
    const ctx: TagContext = { file: 'p.md', assets: new Set(assets), assetBase: './p/', findPost: (ref) => (ref === 'other' ? { slug: 'other-post', title: '另一篇' } : undefined), log };
    return { text: convertTags(toLines(text, 1), ctx).map((l) => l.text).join('\n'), log };
  };

  it('a note inside a list item stays in the item', () => {
    expect(run('- 第一步\n  {% note danger %}\n  小心\n  {% endnote %}').text).toBe('- 第一步\n  > [!CAUTION]\n  > 小心');
  });

  it('a codeblock holding ``` gets a longer fence, and its content is never read for tags', () => {
    expect(run('{% codeblock lang:md %}\n```js\n{% note %}\n```\n{% endcodeblock %}').text).toBe('````md\n```js\n{% note %}\n```\n````');
  });

  it('leaves tags in code alone, and names an unknown tag once', () => {
    const { text, log } = run('```\n{% asset_img a.png %}\n```\n\n{% pullquote left %}\n引文\n{% endpullquote %}\n\n`{% raw %}`', ['a.png']);
    expect(text).toBe('```\n{% asset_img a.png %}\n```\n\n{% pullquote left %}\n引文\n{% endpullquote %}\n\n`{% raw %}`');
    expect(log.notes).toEqual([expect.objectContaining({ line: 5, level: 'needs', message: expect.stringContaining('{% pullquote %} has no Markdown form') })]);
  });

  it('an unclosed block and a missing asset are left in place and reported', () => {
    const { text, log } = run('{% note info %}\n没有结尾\n\n{% asset_img missing.png 图 %}');
    expect(text).toBe('{% note info %}\n没有结尾\n\n{% asset_img missing.png 图 %}');
    expect(log.notes.map((n) => [n.line, n.level])).toEqual([
      [1, 'needs'],
      [4, 'needs'],
    ]);
  });

  it('converts one-line tags: images with quoted title and alt, post links with a fragment, raw on one line', () => {
    expect(run('{% asset_img big.png 400 300 "标题" "替代文字" %}', ['big.png']).text).toBe('![替代文字](./p/big.png "标题")');
    expect(run('见 {% post_link other#方法 %}，{% post_path other %}').text).toBe('见 [另一篇](./other-post.md#方法)，./other-post.md');
    expect(run('{% raw %}{{ x }}{% endraw %} 与 {% img /images/a.png 我的图 %}').text).toBe('{{ x }} 与 ![我的图](/images/a.png "我的图")');
  });
});

describe('math', () => {
  const run = (text: string) => {
    const log = new ImportLog();
    return { text: convertMath(toLines(text, 1), 'p.md', log).map((l) => l.text).join('\n'), log };
  };

  it('moves $$ onto lines of their own, keeping quote and list markers', () => {
    expect(run('> 公式 $$a+b$$ 结束').text).toBe('> 公式\n>\n> $$\n> a+b\n> $$\n> 结束');
    expect(run('1. 损失 $$L = x\n   + y$$').text).toBe('1. 损失\n\n   $$\n   L = x\n   + y\n   $$');
  });

  it('leaves math alone in code, and everything when a $$ is never closed', () => {
    expect(run('```\n$$a$$\n```').text).toBe('```\n$$a$$\n```');
    const { text, log } = run('$$a$$ 和 $$b');
    expect(text).toBe('$$a$$ 和 $$b');
    expect(log.notes).toEqual([expect.objectContaining({ line: 1, level: 'needs' })]);
  });

  it('undoes Markdown escapes inside math only when the post was written with them', () => {
    expect(run('$$\na \\\\\\\\ b\n$$\n\n$x\\_1$ and `$x\\_1$`').text).toBe('$$\na \\\\ b\n$$\n\n$x_1$ and `$x\\_1$`');
    // Plain TeX is not touched: `\\` rows and `\{` stay.
    expect(run('$$\na \\\\ \\{b\\}\n$$').text).toBe('$$\na \\\\ \\{b\\}\n$$');
  });
});

describe('math in nested lists', () => {
  it('keeps a formula opened after text in a list item inside the item, however its lines were indented', () => {
    const log = new ImportLog();
    const text = convertMath(toLines('* 集合\n  * 交换律：$$ \\begin{aligned}\n  a \\\\\n  b\n  \\end{aligned} $$\n  * 结合律', 1), 'p.md', log).map((l) => l.text).join('\n');
    expect(text).toBe('* 集合\n  * 交换律：\n\n    $$\n    \\begin{aligned}\n    a \\\\\n    b\n    \\end{aligned}\n    $$\n  * 结合律');
  });
});

describe('math in nested lists, closed on a line of its own', () => {
  it('indents the closing $$ with the formula', () => {
    const log = new ImportLog();
    const text = convertMath(toLines('* 集合\n  * 交换律：$$ a\n  + b\n  $$\n  * 结合律', 1), 'p.md', log).map((l) => l.text).join('\n');
    expect(text).toBe('* 集合\n  * 交换律：\n\n    $$\n    a\n    + b\n    $$\n  * 结合律');
  });
});

describe('MathJax inline delimiters', () => {
  it('turns \\\\(…\\\\) (as written for marked or kramed) into $…$, but not in code or inside a formula', () => {
    const log = new ImportLog();
    const src = '事件\\\\(A\\_1\\\\)发生，`\\\\(x\\\\)`\n$$\na \\\\(b\\\\)\n$$';
    const text = convertMath(toLines(src, 1), 'p.md', log).map((l) => l.text).join('\n');
    expect(text).toBe('事件$A_1$发生，`\\\\(x\\\\)`\n$$\na \\\\(b\\\\)\n$$');
    expect(log.changes.get('math: \\\\( \\\\) → $ $')).toBe(1);
  });
});

describe('links and text', () => {
  it('escapes [[ in text (Hexo has no wikilinks), not in code or math', async () => {
    const { convertLinks } = await import('../../../src/import/hexo/links.ts');
    const log = new ImportLog();
    const lines = convertLinks(toLines('区间 [[1,3], [2,6]] 合并为 [[[1]],[]]。`[[x]]` $[[a]]$\n\n```\n[[y]]\n```', 1), {
      file: 'p.md', rel: 'p.md', assets: new Set(), assetBase: './p/', byPermalink: () => undefined, byFile: () => undefined,
      blogUrl: 'https://b.example', blogRoot: '/', postAssetFolder: false, publicFile: () => true, log,
    });
    expect(lines.map((l) => l.text).join('\n')).toBe('区间 \\[\\[1,3], [2,6]] 合并为 \\[\\[\\[1]],[]]。`[[x]]` $[[a]]$\n\n```\n[[y]]\n```');
  });
});
