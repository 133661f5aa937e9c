import { describe, expect, it } from 'vitest';
import { absoluteUrl, href, outputFile, termSlug } from '../../../src/site/urls.ts';
import { paginate } from '../../../src/site/paginate.ts';

describe('urls', () => {
  it('keeps CJK in term slugs and drops punctuation', () => {
    expect(termSlug('对比学习')).toBe('对比学习');
    expect(termSlug('Faster R-CNN')).toBe('faster-r-cnn');
    expect(termSlug('BERT')).toBe('bert');
  });

  it('percent-encodes hrefs under the base', () => {
    expect(href('/', '/tags/对比学习/')).toBe('/tags/%E5%AF%B9%E6%AF%94%E5%AD%A6%E4%B9%A0/');
    expect(href('/kb/', '/posts/mae/#损失函数')).toBe('/kb/posts/mae/#%E6%8D%9F%E5%A4%B1%E5%87%BD%E6%95%B0');
    expect(absoluteUrl('https://example.org/ignored', '/kb/', '/feed.xml')).toBe('https://example.org/kb/feed.xml');
  });

  it('maps site paths to output files', () => {
    expect(outputFile('/')).toBe('index.html');
    expect(outputFile('/tags/x/')).toBe('tags/x/index.html');
    expect(outputFile('/feed.xml')).toBe('feed.xml');
  });

  it('paginates at /page/n/', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, '/');
    expect(pages.map((p) => p.path)).toEqual(['/', '/page/2/', '/page/3/']);
    expect(pages[1]).toMatchObject({ items: [3, 4], prevPath: '/', nextPath: '/page/3/' });
    expect(paginate([], 10, '/tags/x/')).toEqual([{ items: [], page: 1, total: 1, path: '/tags/x/' }]);
  });
});
