import { afterEach, describe, expect, it } from 'vitest';
import { checkSite } from '../../../src/output/check.ts';
import { PageReader } from '../../../src/output/page-reader.ts';
import { INDEXED, searchRecord } from '../../../src/output/search-input.ts';
import { makeProject, removeProject } from '../../helpers/fixture.ts';

let dir: string | undefined;
afterEach(() => dir && removeProject(dir));

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;

describe('folio check', () => {
  it('accepts links and CJK fragments that resolve under the base', () => {
    dir = makeProject({
      'index.html': page('<a href="/kb/posts/a/#%E6%8D%9F%E5%A4%B1">x</a><a href="posts/a/">rel</a><a href="https://elsewhere.org/">ext</a><img src="/kb/a.svg" alt="">'),
      'posts/a/index.html': page('<h2 id="损失">损失</h2><a href="#损失">self</a>'),
      'a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    expect(checkSite(dir, '/kb/')).toEqual([]);
  });

  it('reports missing files, missing fragments and links outside the base', () => {
    dir = makeProject({
      'index.html': page('<a href="/kb/nope/">a</a><a href="/kb/posts/a/#missing">b</a><a href="/elsewhere/">c</a><a href="#also-missing">d</a>'),
      'posts/a/index.html': page('<h2 id="here">h</h2>'),
    });
    const broken = checkSite(dir, '/kb/');
    expect(broken.map((b) => b.url)).toEqual(['/kb/nope/', '/kb/posts/a/#missing', '/elsewhere/', '#also-missing']);
  });
});

describe('the build-time check over our own markup', () => {
  const pages: Record<string, string> = {
    'index.html': page('<a href="/kb/nope/">a</a><a href="/kb/posts/a/#%E6%8D%9F%E5%A4%B1">ok</a><a title="x &#x22;>y" href="/kb/posts/a/#missing">b</a><!-- <a href="/kb/in-comment/"> --><p>href="/kb/in-text/"</p>'),
    'posts/a/index.html': page('<h2 id="损失">h</h2>'),
  };

  it('finds the same broken links as the full check of the folder', async () => {
    dir = makeProject(pages);
    const reader = new PageReader();
    for (const [file, markup] of Object.entries(pages)) reader.add(file, markup);
    await reader.done();
    const fast = reader.check(dir, '/kb/');
    expect(fast.map((b) => b.url)).toEqual(['/kb/nope/', '/kb/posts/a/#missing']);
    expect(checkSite(dir, '/kb/')).toEqual(fast);
  });

  it('reads a large site on a worker thread: the same links, in page order, and the same search records', async () => {
    // 400 pages, each pointing at the next; two of them point at a page or id that is not there.
    const many: Record<string, string> = {};
    for (let i = 0; i < 400; i++) {
      const next = i === 123 ? '/kb/p/gone/' : i === 321 ? `/kb/p/${i + 1}/#nowhere` : `/kb/p/${(i + 1) % 400}/#h${(i + 1) % 400}`;
      many[`p/${i}/index.html`] = page(`<article data-pagefind-body><h1>标题 ${i}</h1><h2 id="h${i}">第 ${i} 页</h2><p>正文<span class="katex">x^2</span>对比学习 ${i}</p></article><a href="${next}">下一页</a>`);
    }
    dir = makeProject(many);
    const reader = new PageReader({ pages: 400 });
    // Every other page is a post, whose search record is made in the same pass.
    Object.entries(many).forEach(([file, markup], i) => reader.add(file, markup, { search: i % 2 === 0 }));
    await reader.done();
    const broken = reader.check(dir, '/kb/');
    expect(broken).toEqual([
      { page: 'p/123/index.html', url: '/kb/p/gone/', reason: 'no such file in the output' },
      { page: 'p/321/index.html', url: '/kb/p/322/#nowhere', reason: 'no element with id "nowhere" on p/322/index.html' },
    ]);
    expect(checkSite(dir, '/kb/')).toEqual(broken);
    Object.entries(many).forEach(([file, markup], i) => {
      if (i % 2 === 0) expect(reader.record(file)).toEqual(searchRecord(markup, INDEXED));
      else expect(reader.record(file)).toBeUndefined();
    });
    expect(reader.record('p/4/index.html')?.content).toContain('对比学习 4');
    expect(reader.record('p/4/index.html')?.content).not.toContain('x^2');
  });
});

describe('attributes are read by the HTML parser, not by a pattern', () => {
  it('text that looks like an attribute inside another value is neither a link nor an id', () => {
    dir = makeProject({
      'index.html': page(`<img alt='x src="/kb/missing.png"' title='y id="z" href="/kb/gone/"' src="/kb/a.svg"><a href="#z">to z</a>`),
      'a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const broken = checkSite(dir, '/kb/');
    // Only the real link is checked, and the id that is only text inside a title does not exist.
    expect(broken).toEqual([{ page: 'index.html', url: '#z', reason: 'no element with id "z" on index.html' }]);
  });
});
