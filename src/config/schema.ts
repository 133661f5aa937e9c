import { z } from 'zod';
import { closest } from '../content/closest.ts';
import * as look from './look.ts';

/**
 * The schema of `site.config.ts`: one entry per key, each with messages written for the site's
 * author. A new setting is one more entry in `shape` (and its field in `SiteConfig`); unknown
 * keys are refused, with the closest known key as a hint.
 */

const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? (Array.isArray(value) ? 'a list' : value === null ? 'null' : 'an object') : String(value));

/** A string that passes `ok`, else `must …` with the value shown. */
const string = (ok: (v: string) => boolean, must: string) =>
  z.unknown().superRefine((v, ctx) => {
    if (typeof v !== 'string' || !ok(v)) ctx.addIssue({ code: 'custom', message: v === undefined ? 'is required' : `${must}, got ${show(v)}` });
  }) as unknown as z.ZodType<string>;

const text = string((v) => v.trim() !== '', 'must be non-empty text');
const anyText = string(() => true, 'must be text');

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value.trim())) return false;
  try {
    new URL(value.trim());
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  // Offsets such as "+08:00" are accepted by newer engines but are no IANA zone.
  if (!/^[A-Za-z]/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const count = (min: number, max: number, must: string) =>
  z.unknown().superRefine((v, ctx) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) ctx.addIssue({ code: 'custom', message: v === undefined ? 'is required' : `${must}, got ${show(v)}` });
  }) as unknown as z.ZodType<number>;

const object = <S extends z.core.$ZodLooseShape>(shape: S, example: string) =>
  z.strictObject(shape, { error: (issue) => (issue.code === 'invalid_type' ? `must be an object such as ${example}, got ${show(issue.input)}` : undefined) });

/** A function; anything else is `must …` with the value shown. */
const fn = (must: string) =>
  z.unknown().superRefine((v, ctx) => {
    if (typeof v !== 'function') ctx.addIssue({ code: 'custom', message: v === undefined ? 'is required' : `${must}, got ${show(v)}` });
  }) as unknown as z.ZodType<(...args: never[]) => unknown>;

const sitePath = string((v) => v.startsWith('/') && !v.startsWith('//') && !/\s/.test(v), 'must be a site path starting with "/", such as "/about/"');

/** One entry of a plugin list: a plugin (a function) or `[plugin, options]`, as unified takes them. */
const pluggable = z.unknown().superRefine((v, ctx) => {
  if (typeof v === 'function' || (Array.isArray(v) && typeof v[0] === 'function')) return;
  const one = (x: unknown) => (typeof x === 'function' ? 'a function' : show(x));
  const got = Array.isArray(v) ? `[${v.map(one).join(', ')}]` : one(v);
  ctx.addIssue({ code: 'custom', message: `must be a plugin (a function, imported at the top of the config) or [plugin, options], got ${got}` });
});

const pluggableList = z.array(pluggable, {
  error: (issue) => (issue.code === 'invalid_type' ? `must be a list of plugins such as [remarkFoo, [rehypeBar, { … }]], got ${show(issue.input)}` : undefined),
});

/** The keys of one `plugins` entry (a FolioPlugin); the plugin layer adds its own (routes). */
export const pluginShape = {
  name: text,
  remarkPlugins: pluggableList.optional(),
  rehypePlugins: pluggableList.optional(),
  // --- FolioPlugin: routes and the rest of the layer ---
  routes: fn('must be a function (site, env) => pages, such as *routes(site) { yield definePage({ path: "/papers/", data, render }) }').optional(),
  postAsides: object({ data: fn('must be a function (site, post) => data'), render: fn('must be a function (ctx, data) => elements') }, '{ data: (site, post) => …, render: (ctx, data) => [h(…)] }').optional(),
};

export const shape = {
  title: text,
  description: anyText,
  url: string(isHttpUrl, 'must be an absolute http(s) URL such as "https://xiaoming.github.io"'),
  base: string((v) => /^\/?(?:[^\s?#/\\.][^\s?#/\\]*\/?)*$/.test(v) && !v.includes('//'), 'must be a path such as "/" or "/blog/"'),
  language: look.language,
  timeZone: string(isTimeZone, 'must be an IANA time zone such as "Asia/Shanghai"'),
  author: object(
    {
      name: text,
      email: string((v) => /^[^\s@]+@[^\s@]+$/.test(v), 'must be an email address').optional(),
      url: string(isHttpUrl, 'must be an absolute http(s) URL').optional(),
    },
    '{ name: "小明" }',
  ),
  perPage: count(1, 1000, 'must be a whole number from 1 to 1000'),
  nav: z.array(object({ title: text, path: sitePath }, '{ title: "关于", path: "/about/" }'), {
    error: (issue) => (issue.code === 'invalid_type' ? `must be a list such as [{ title: "首页", path: "/" }], got ${show(issue.input)}` : undefined),
  }),
  feedLimit: count(1, 10000, 'must be a whole number from 1 to 10000'),
  image: object(
    {
      path: string((v) => /^\/[^\s]*\.(?:png|jpe?g)$/i.test(v), 'must be the site path of a PNG or JPEG file under public/, such as "/og-image.png"'),
      alt: text,
      width: count(1, 10000, 'must be a whole number of pixels'),
      height: count(1, 10000, 'must be a whole number of pixels'),
    },
    '{ path: "/og-image.png", alt: "…", width: 1200, height: 630 }',
  ),
  descriptions: object(
    {
      categories: z.record(z.string(), text).optional(),
      series: z.record(z.string(), text).optional(),
    },
    '{ categories: { "自监督学习": "…" }, series: { "…": "…" } }',
  ),
  // --- Extension points: Markdown plugins ---
  markdown: object({ remarkPlugins: pluggableList.optional(), rehypePlugins: pluggableList.optional() }, '{ remarkPlugins: [remarkFoo], rehypePlugins: [[rehypeBar, { … }]] }'),
  // --- Extension points: plugins ---
  plugins: z.array(object(pluginShape, '{ name: "my-plugin", remarkPlugins: [remarkFoo] }'), {
    error: (issue) => (issue.code === 'invalid_type' ? `must be a list of plugins such as [{ name: "papers", routes }] or [{ name: "my-plugin", remarkPlugins: [remarkFoo] }], got ${show(issue.input)}` : undefined),
  }),
  // --- Extension points: look and language ---
  theme: look.theme,
  css: look.css,
  head: look.head,
  footer: look.footer,
  strings: look.strings,
};

export const KEYS = Object.keys(shape);

const schema = z.strictObject(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])));

export interface ConfigProblem {
  /** Where the value is: `['nav', 2, 'path']`. */
  path: (string | number)[];
  message: string;
}

/** `nav[2].path`. */
export function keyLabel(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Every problem with a site config, one per key, each message naming its key. */
export function validateConfig(value: unknown): ConfigProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ path: [], message: 'must export default an object: export default defineConfig({ title: "…" })' }];
  }
  const result = schema.safeParse(value);
  if (result.success) return [];
  const problems: ConfigProblem[] = [];
  for (const issue of result.error.issues) {
    const at = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(at);
      for (const key of issue.keys) {
        const hint = closest(key, allowed);
        const where = [...at, key];
        problems.push({ path: where, message: `${keyLabel(where)}: unknown key${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${allowed.join(', ')}` });
      }
      continue;
    }
    let message = issue.message;
    if (at.length === 1 && at[0] === 'timeZone' && typeof (value as { timeZone?: unknown }).timeZone === 'string') {
      const zone = zoneNamed((value as { timeZone: string }).timeZone);
      if (zone) message += ` (did you mean "${zone}"?)`;
    }
    problems.push({ path: at, message: `${keyLabel(at)} ${message}` });
  }
  return problems;
}

/** The keys the schema allows at a path (`[]`, `['author']`, `['nav', 0]`). */
function keysAt(path: readonly (string | number)[]): string[] {
  let node: z.ZodType = schema;
  for (const segment of path) {
    while (node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
    if (typeof segment === 'number' && node instanceof z.ZodArray) node = node.element as z.ZodType;
    else if (typeof segment === 'string' && node instanceof z.ZodObject) node = node.shape[segment] as z.ZodType;
  }
  while (node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

/** A zone whose city is the given name: "shanghai" → "Asia/Shanghai". */
function zoneNamed(name: string): string | undefined {
  const city = name.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.find((z) => z.toLowerCase().split('/').pop() === city) ?? closest(name, zones);
}
