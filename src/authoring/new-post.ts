import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { stringify } from 'yaml';
import { isoDay } from '../content/dates.ts';
import { SLUG_RE } from '../content/frontmatter.ts';

export interface NewPostOptions {
  title: string;
  contentDir: string;
  timeZone: string;
  category?: string;
  tags?: string[];
  slug?: string;
  /** For tests: "today". */
  now?: Date;
}

export type NewPostResult = { ok: true; path: string } | { ok: false; message: string; usage?: boolean };

/** `folio new`: a draft post with valid frontmatter, never overwriting an existing one. */
export function newPost(options: NewPostOptions): NewPostResult {
  const slug = options.slug ?? slugFromTitle(options.title);
  if (!SLUG_RE.test(slug)) {
    return { ok: false, usage: true, message: `"${slug}" is not a valid slug: use lowercase letters, digits, CJK characters and hyphens (--slug my-post)` };
  }
  const file = path.join(options.contentDir, 'posts', `${slug}.md`);
  if (existsSync(file)) return { ok: false, message: `${file} already exists; choose another title or --slug` };
  const fm: Record<string, unknown> = {
    title: options.title,
    date: isoDay(options.now ?? new Date(), options.timeZone),
    ...(options.tags && options.tags.length > 0 ? { tags: options.tags } : {}),
    ...(options.category ? { category: options.category } : {}),
    draft: true,
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `---\n${stringify(fm, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).replace(/^date: "(.*)"$/m, 'date: $1')}---\n\n在这里写引言：读者为什么要读这篇文章。\n\n<!-- more -->\n\n## 小节\n\n正文。\n`, { flag: 'wx' });
  return { ok: true, path: file };
}

/** Slug from a title: github-slugger keeps CJK, drops punctuation. */
export function slugFromTitle(title: string): string {
  return githubSlug(title.normalize('NFC')).replace(/-+/g, '-').replace(/^-|-$/g, '') || 'post';
}
