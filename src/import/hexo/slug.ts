import { slugFromTitle } from '../../authoring/new-post.ts';
import { SLUG_RE } from '../../content/frontmatter.ts';

/**
 * A Folio slug from a Hexo file name, made as `folio new` makes one from a title: accents
 * dropped, lower case, and every run of anything else (`_`, spaces, punctuation) one hyphen.
 * `My_Post (2).md` → `my-post-2`, `注意力机制 Attention` → `注意力机制-attention`.
 */
export function slugFromName(name: string): string {
  const slug = slugFromTitle(name);
  return SLUG_RE.test(slug) ? slug : 'post';
}

/**
 * Gives each name its slug, in the order given; a slug already taken (by an earlier post, or by
 * a post already in the site) gets `-2`, `-3`… Returns the slugs and which were changed.
 */
export function assignSlugs(wanted: string[], taken: Iterable<string>): { slugs: string[]; renamed: { index: number; wanted: string; slug: string }[] } {
  const used = new Set(taken);
  const renamed: { index: number; wanted: string; slug: string }[] = [];
  const slugs = wanted.map((want, index) => {
    let slug = want;
    for (let n = 2; used.has(slug); n++) slug = `${want}-${n}`;
    used.add(slug);
    if (slug !== want) renamed.push({ index, wanted: want, slug });
    return slug;
  });
  return { slugs, renamed };
}
