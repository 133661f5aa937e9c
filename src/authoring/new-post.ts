import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { isoDay } from '../content/dates.ts';
import { SLUG_RE } from '../content/frontmatter.ts';
import { loadContent } from '../content/load.ts';

export interface NewPostOptions {
  title: string;
  contentDir: string;
  timeZone: string;
  category?: string;
  tags?: string[];
  slug?: string;
  /** The post's body under its frontmatter, in the site's language (the string table's `newPost`). */
  body?: string;
  /** For tests: "today". */
  now?: Date;
  /** Turns an absolute path into the path shown in messages. */
  display?: (abs: string) => string;
}

export type NewPostResult =
  | { ok: true; path: string; slug: string }
  | { ok: false; message: string; usage?: boolean };

/** `folio new`: a draft post with valid frontmatter, never overwriting an existing one. */
export function newPost(options: NewPostOptions): NewPostResult {
  const display = options.display ?? ((abs: string) => abs);
  const slug = options.slug ?? slugFromTitle(options.title);
  if (slug === '') return { ok: false, usage: true, message: `cannot make a slug from the title "${options.title}"; pass one with --slug my-post` };
  if (!SLUG_RE.test(slug)) {
    return { ok: false, usage: true, message: `"${slug}" is not a valid slug: use lowercase letters, digits, CJK characters and hyphens (--slug my-post)` };
  }
  const file = path.join(options.contentDir, 'posts', `${slug}.md`);
  if (existsSync(file)) return { ok: false, message: `${display(file)} already exists; folio new never overwrites a post. Choose another title or pass --slug` };
  // A post elsewhere under posts/ (or one with `slug:`) may own the URL already: the build would fail.
  const owner = existsSync(path.join(options.contentDir, 'posts')) ? slugOwner(options.contentDir, options.timeZone, slug, display) : undefined;
  if (owner) return { ok: false, message: `${owner} already uses the slug "${slug}" (/posts/${slug}/); choose another title or pass --slug` };
  const fm: Record<string, unknown> = {
    title: options.title,
    date: isoDay(options.now ?? new Date(), options.timeZone),
    ...(options.tags && options.tags.length > 0 ? { tags: options.tags } : {}),
    ...(options.category ? { category: options.category } : {}),
    draft: true,
  };
  const yaml = stringify(fm, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).replace(/^date: "(.*)"$/m, 'date: $1');
  mkdirSync(path.dirname(file), { recursive: true });
  // `wx`: fail rather than overwrite if the file appeared since the check above.
  writeFileSync(file, `---\n${yaml}---\n\n${options.body ?? DEFAULT_BODY}`, { flag: 'wx' });
  return { ok: true, path: file, slug };
}

/** The body of the default (Chinese) string table. */
const DEFAULT_BODY = '在这里写引言：读者为什么要读这篇文章。\n\n<!-- more -->\n\n## 小节\n\n正文。\n';

function slugOwner(contentDir: string, timeZone: string, slug: string, display: (abs: string) => string): string | undefined {
  const { docs } = loadContent({ contentDir, timeZone, drafts: true, display });
  return docs.find((d) => d.kind === 'post' && d.slug === slug)?.file;
}

/**
 * Slug from a title: lowercase ASCII letters, digits and CJK kept, everything else a hyphen.
 * NFKC first so full-width letters and punctuation (`ＭＡＥ：`) act like ASCII; accents on Latin
 * letters are dropped (`Café` → `cafe`). A purely Chinese title keeps its characters (`标题`),
 * as tag URLs do; `--slug` gives a short ASCII URL instead. Empty when nothing is left.
 */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9\p{Script=Han}\u3040-\u30ff\uac00-\ud7af]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
