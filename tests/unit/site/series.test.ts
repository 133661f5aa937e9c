import { describe, expect, it } from 'vitest';
import { bySeriesOrder, seriesNav } from '../../../src/site/series.ts';
import type { TermGroup } from '../../../src/site/model.ts';
import { makePosts } from '../../helpers/posts.ts';

describe('series', () => {
  const posts = makePosts([
    { slug: 'late', date: '2025-01-01', series: 'S' },
    { slug: 'two', date: '2025-06-01', series: 'S', seriesOrder: 2 },
    { slug: 'one', date: '2025-09-01', series: 'S', seriesOrder: 1 },
    { slug: 'later', date: '2025-02-01', series: 'S' },
    { slug: 'other', date: '2025-03-01' },
  ]);
  const group: TermGroup = { term: posts[0]!.series!, posts: posts.filter((p) => p.series).sort(bySeriesOrder) };

  it('orders by seriesOrder, then by date for posts without one', () => {
    expect(group.posts.map((p) => p.slug)).toEqual(['one', 'two', 'late', 'later']);
  });

  it('marks the current post and gives its neighbours within the series', () => {
    const nav = seriesNav(posts.find((p) => p.slug === 'two')!, [group])!;
    expect(nav.position).toBe(2);
    expect(nav.entries.map((e) => [e.path, e.current])).toEqual([
      ['/posts/one/', false],
      ['/posts/two/', true],
      ['/posts/late/', false],
      ['/posts/later/', false],
    ]);
    expect(nav.previous).toEqual({ title: 'ONE', path: '/posts/one/' });
    expect(nav.next).toEqual({ title: 'LATE', path: '/posts/late/' });
  });

  it('the first and last posts have one neighbour; a post outside any series has no nav', () => {
    expect(seriesNav(posts.find((p) => p.slug === 'one')!, [group])).not.toHaveProperty('previous');
    expect(seriesNav(posts.find((p) => p.slug === 'later')!, [group])).not.toHaveProperty('next');
    expect(seriesNav(posts.find((p) => p.slug === 'other')!, [group])).toBeUndefined();
  });
});
