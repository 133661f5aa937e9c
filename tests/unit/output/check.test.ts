import { afterEach, describe, expect, it } from 'vitest';
import { checkSite } from '../../../src/output/check.ts';
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
  it('finds the same broken links as the full parser', async () => {
    const { checkOutput } = await import('../../../src/output/check.ts');
    const pages: Record<string, string> = {
      'index.html': page('<a href="/kb/nope/">a</a><a href="/kb/posts/a/#%E6%8D%9F%E5%A4%B1">ok</a><a title="x &#x22;>y" href="/kb/posts/a/#missing">b</a><!-- <a href="/kb/in-comment/"> --><p>href="/kb/in-text/"</p>'),
      'posts/a/index.html': page('<h2 id="损失">h</h2>'),
    };
    dir = makeProject(pages);
    const fast = checkOutput(dir, '/kb/', new Map(Object.entries(pages)));
    expect(fast.map((b) => b.url)).toEqual(['/kb/nope/', '/kb/posts/a/#missing']);
    expect(checkSite(dir, '/kb/')).toEqual(fast);
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
