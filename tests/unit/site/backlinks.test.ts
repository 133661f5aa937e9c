import { describe, expect, it } from 'vitest';
import { backlinkIndex } from '../../../src/site/backlinks.ts';
import { makePosts } from '../../helpers/posts.ts';

describe('backlinks', () => {
  const posts = makePosts([
    { slug: 'mae', date: '2025-07-26', links: [{ target: 'posts/mae.md', fragment: 'x', context: '' }, { target: 'posts/bert.md', context: 'MAE 借鉴了 BERT。' }] },
    { slug: 'bert', date: '2025-04-19', links: [{ target: 'posts/mae.md', context: '后来的 MAE 把它用到图像上。' }] },
    {
      slug: 'intro',
      date: '2025-03-08',
      links: [
        { target: 'posts/mae.md', context: '见 MAE。' },
        { target: 'posts/mae.md', context: '见 MAE。' },
        { target: 'posts/mae.md', fragment: 'loss', context: 'MAE 的损失只算被遮住的 patch。' },
      ],
    },
    { slug: 'moco', date: '2025-09-13', links: [{ target: 'posts/mae.md', context: '对比 MAE 的生成式路线。' }] },
  ]);
  const index = backlinkIndex(posts);

  it('lists each linking post once, newest first, with its distinct sentences', () => {
    expect(index.get('posts/mae.md')).toEqual([
      { rel: 'posts/moco.md', title: 'MOCO', path: '/posts/moco/', date: posts[3]!.date, contexts: ['对比 MAE 的生成式路线。'] },
      { rel: 'posts/bert.md', title: 'BERT', path: '/posts/bert/', date: posts[1]!.date, contexts: ['后来的 MAE 把它用到图像上。'] },
      { rel: 'posts/intro.md', title: 'INTRO', path: '/posts/intro/', date: posts[2]!.date, contexts: ['见 MAE。', 'MAE 的损失只算被遮住的 patch。'] },
    ]);
  });

  it('a post linking to itself is not its own backlink', () => {
    expect(index.get('posts/mae.md')!.map((b) => b.rel)).not.toContain('posts/mae.md');
    expect(index.get('posts/bert.md')!.map((b) => b.rel)).toEqual(['posts/mae.md']);
  });

  it('a post nobody links to has none', () => {
    expect(index.get('posts/moco.md')).toBeUndefined();
  });

  it('does not depend on the order of the documents', () => {
    expect(backlinkIndex([...posts].reverse())).toEqual(index);
  });
});
