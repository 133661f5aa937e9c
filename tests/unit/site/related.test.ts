import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../../src/site/model.ts';
import { relatedIndex, relatedPosts } from '../../../src/site/related.ts';
import { makePosts } from '../../helpers/posts.ts';

const slugs = (posts: { slug: string }[]) => posts.map((p) => p.slug);

describe('related posts', () => {
  const posts = makePosts([
    { slug: 'mae', date: '2025-07-26', tags: ['MAE', 'ViT', '自监督学习'], category: '自监督学习' },
    // Shares the rare tag MAE: ranks above posts sharing only the common tag.
    { slug: 'beit', date: '2025-01-01', tags: ['MAE', '自监督学习'], category: '视觉' },
    { slug: 'vit', date: '2025-06-01', tags: ['ViT'], category: '视觉' },
    // Same common tag only; these two differ by category, then by date distance.
    { slug: 'moco', date: '2025-09-13', tags: ['自监督学习'], category: '自监督学习' },
    { slug: 'cpc', date: '2025-10-25', tags: ['自监督学习'], category: '自监督学习' },
    { slug: 'simclr', date: '2025-08-01', tags: ['自监督学习'], category: '其他' },
    { slug: 'bert', date: '2025-04-19', tags: ['自监督学习'], category: '自监督学习' },
    // Same category, no tags: still related, after every tag match.
    { slug: 'notes', date: '2025-07-20', tags: [], category: '自监督学习' },
    // Nothing in common: never related.
    { slug: 'ddp', date: '2025-07-26', tags: ['PyTorch'], category: 'Python' },
  ]);
  const mae = posts[0]!;

  it('weights shared tags by rarity, then category, then closeness in date; at most five', () => {
    // MAE+自监督学习 (beit) > ViT alone (vit, 2 posts have it) > 自监督学习 alone (7 posts have it).
    // Among the 自监督学习-only: same category first (moco 49 days, bert 98, cpc 91 → moco, cpc, bert), then simclr.
    expect(slugs(relatedPosts(mae, relatedIndex(posts)))).toEqual(['beit', 'vit', 'moco', 'cpc', 'bert']);
    expect(slugs(relatedPosts(mae, relatedIndex(posts), { limit: 9 }))).toEqual(['beit', 'vit', 'moco', 'cpc', 'bert', 'simclr', 'notes']);
  });

  it('rarer tags weigh more', () => {
    const { weight } = relatedIndex(posts);
    expect(weight('/tags/mae/')).toBe(weight('/tags/vit/'));
    expect(weight('/tags/vit/')).toBeGreaterThan(weight('/tags/自监督学习/'));
    expect(weight('/tags/自监督学习/')).toBeGreaterThan(0);
  });

  it('never lists the post itself or a post with nothing in common', () => {
    const all = slugs(relatedPosts(mae, relatedIndex(posts), { limit: 100 }));
    expect(all).not.toContain('mae');
    expect(all).not.toContain('ddp');
  });

  it('is deterministic: the same answer whatever the order of posts and tags', () => {
    const shuffled = [...posts].reverse().map((p) => ({ ...p, tags: [...p.tags].reverse() }));
    const again = shuffled.find((p) => p.slug === 'mae')!;
    expect(slugs(relatedPosts(again, relatedIndex(shuffled)))).toEqual(slugs(relatedPosts(mae, relatedIndex(posts))));
  });

  it('equal scores fall back to the source path', () => {
    const twins = makePosts([
      { slug: 'a', date: '2025-01-10', tags: ['x'] },
      { slug: 'c', date: '2025-01-05', tags: ['x'] },
      { slug: 'b', date: '2025-01-15', tags: ['x'] },
    ]);
    expect(slugs(relatedPosts(twins[0]!, relatedIndex(twins)))).toEqual(['b', 'c']);
    expect(slugs(relatedPosts(twins[0]!, relatedIndex([...twins].reverse())))).toEqual(['b', 'c']);
  });

  it('agrees with ranking every pair by the rule, on random sites', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 4 }),
            category: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        (specs) => {
          const site = makePosts(specs.map((s, i) => ({ slug: `p${i}`, date: `2025-02-${String(s.day).padStart(2, '0')}`, tags: s.tags, ...(s.category ? { category: s.category } : {}) })));
          const index = relatedIndex(site);
          for (const post of site) expect(slugs(relatedPosts(post, index))).toEqual(slugs(reference(post, site, index.weight)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The rule, spelled out: score every other post, sort by (tags, category, date distance, path), keep five. */
function reference(post: Post, posts: Post[], weight: (tag: string) => number): Post[] {
  const own = new Set(post.tags.map((t) => t.path));
  return posts
    .filter((p) => p !== post)
    .map((p) => ({
      p,
      tags: [...new Set(p.tags.map((t) => t.path))].filter((t) => own.has(t)).sort().reduce((sum, t) => sum + weight(t), 0),
      cat: post.category !== undefined && p.category?.path === post.category.path,
      dist: Math.abs(p.date.getTime() - post.date.getTime()),
    }))
    .filter((c) => c.tags > 0 || c.cat)
    .sort((a, b) => (Math.abs(a.tags - b.tags) > 1e-9 ? b.tags - a.tags : 0) || Number(b.cat) - Number(a.cat) || a.dist - b.dist || (a.p.rel < b.p.rel ? -1 : 1))
    .slice(0, 5)
    .map((c) => c.p);
}
