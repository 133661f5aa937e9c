import { createHash } from 'node:crypto';
import { zonedParts } from '../../content/dates.ts';

/** Hexo's slugize: separators and punctuation to `-`, case changed by `transform` (1 lower, 2 upper). */
export function hexoSlugize(text: string, transform = 0): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return transform === 1 ? s.toLowerCase() : transform === 2 ? s.toUpperCase() : s;
}

/** What a post knows for its permalink: Hexo's own fields and the post's frontmatter. */
export interface PermalinkPost {
  /** Hexo's slug: the file's path under `_posts/` without extension, or the `:title` of new_post_name. */
  hexoSlug: string;
  title: string;
  date: Date;
  /** Category path slugs of the post's last category (`ml/cv`), if any. */
  category?: string;
  /** Every frontmatter value that is text or a number (`abbrlink`, `lang`…). */
  fields: Record<string, string>;
}

const PARAM = /:(\w*[^_\W])/g;

/**
 * The URL Hexo gave a post (without the blog's `root`): the permalink pattern filled in, with
 * the date read in the blog's zone. Returns the names it could not fill (`:id` is a database id
 * Hexo never wrote down).
 */
export function hexoPermalink(
  pattern: string,
  post: PermalinkPost,
  options: { timeZone: string; defaultCategory: string; defaults: Record<string, string>; postAssetFolder: boolean },
): { path: string; missing: string[] } {
  const p = zonedParts(post.date.getTime(), options.timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const unix = Math.floor(post.date.getTime() / 1000);
  const own: Record<string, string> = {
    title: post.hexoSlug,
    name: post.hexoSlug.split('/').pop()!,
    post_title: hexoSlugize(post.title, 1),
    year: String(p.year),
    month: pad(p.month),
    day: pad(p.day),
    hour: pad(p.hour),
    minute: pad(p.minute),
    second: pad(p.second),
    i_month: String(p.month),
    i_day: String(p.day),
    timestamp: String(unix),
    hash: createHash('sha1').update(post.hexoSlug + String(unix)).digest('hex').slice(0, 12),
    category: post.category ?? options.defaultCategory,
  };
  const missing: string[] = [];
  let path = pattern.replace(PARAM, (whole, name: string) => {
    const value = own[name] ?? post.fields[name] ?? options.defaults[name];
    if (value === undefined) {
      missing.push(whole);
      return whole;
    }
    return value;
  });
  if (options.postAssetFolder && !path.endsWith('/') && !path.endsWith('.html')) path += '/';
  return { path: path.startsWith('/') ? path : `/${path}`, missing };
}

/** The `:title` part of a file name under `_posts/`, read with the new_post_name pattern (`:year-:month-:day-:title.md`). */
export function titleFromFileName(newPostName: string, rel: string): { title: string; year?: number; month?: number; day?: number } {
  const stem = (s: string) => s.replace(/\.[^./]+$/, '');
  const pattern = stem(newPostName);
  const file = stem(rel);
  const names: string[] = [];
  const segment: Record<string, string> = { year: '(\\d{4})', month: '(\\d{2})', day: '(\\d{2})', i_month: '(\\d{1,2})', i_day: '(\\d{1,2})', hash: '([0-9a-f]{12})' };
  const source = pattern.replace(/[-[\]/{}()*+?.\\^$|]/g, '\\$&').replace(PARAM, (_, name: string) => {
    names.push(name);
    return segment[name] ?? '(.+?)';
  });
  const m = new RegExp(`^${source}$`).exec(file);
  // Hexo slugizes a name that does not fit the pattern.
  if (!m) return { title: hexoSlugize(file) };
  const got: Record<string, string> = {};
  names.forEach((n, i) => (got[n] = m[i + 1]!));
  return {
    title: got.title ?? file,
    ...(got.year ? { year: Number(got.year) } : {}),
    ...(got.month || got.i_month ? { month: Number(got.month ?? got.i_month) } : {}),
    ...(got.day || got.i_day ? { day: Number(got.day ?? got.i_day) } : {}),
  };
}
