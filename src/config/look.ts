import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { closest } from '../content/closest.ts';
import { LANGUAGE_ALIASES, TABLES } from './strings.ts';

/**
 * The schema entries of the look and language keys (`theme`, `css`, `head`, `footer`,
 * `language`, `strings`): each value is checked here, so that what reaches the CSS and the
 * pages is known to be a colour, a length, an attribute or plain text.
 */

const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? (Array.isArray(value) ? 'a list' : value === null ? 'null' : 'an object') : String(value));

/** A value that passes `ok`, else `must …` with the value shown. */
const check = <T>(ok: (v: unknown) => boolean, must: string | ((v: unknown) => string)) =>
  z.unknown().superRefine((v, ctx) => {
    if (!ok(v)) ctx.addIssue({ code: 'custom', message: v === undefined ? 'is required' : typeof must === 'string' ? `${must}, got ${show(v)}` : must(v) });
  }) as unknown as z.ZodType<T>;

const strictObject = <S extends z.core.$ZodLooseShape>(shape: S, example: string) =>
  z.strictObject(shape, { error: (issue) => (issue.code === 'invalid_type' ? `must be an object such as ${example}, got ${show(issue.input)}` : undefined) });

const list = <T extends z.ZodType>(element: T, example: string) =>
  z.array(element, { error: (issue) => (issue.code === 'invalid_type' ? `must be a list such as ${example}, got ${show(issue.input)}` : undefined) });

// --- language ---

export const LANGUAGES = Object.keys(TABLES);

/**
 * `zh-CN` or `en`, or another tag for one of them (`zh`, `zh-Hans`, `en-US`, `en-GB`, …). A
 * language without a string table is an error rather than a fallback: its pages would say
 * `lang="fr"` over Chinese words.
 */
export const language = check<string>(
  (v) => typeof v === 'string' && LANGUAGE_ALIASES[v.trim().toLowerCase()] !== undefined,
  (v) =>
    typeof v === 'string' && isLanguageTag(v)
      ? `has no string table for ${show(v)}: use "zh-CN" or "en" (or zh, zh-Hans, en-US, en-GB, …), and give your own words with strings: { … }`
      : `must be a language tag such as "zh-CN" or "en", got ${show(v)}`,
);

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

// --- strings ---

/**
 * A deep Partial of the string table: every key known, text where the table has text and a
 * function where it has one (taking no more arguments than the table's).
 */
export const strings = z.unknown().superRefine((value, ctx) => {
  for (const problem of checkStrings(value, TABLES['zh-CN'] as unknown as Record<string, unknown>, [])) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
}) as unknown as z.ZodType<Record<string, unknown>>;

function checkStrings(value: unknown, table: Record<string, unknown>, at: string[]): { path: string[]; message: string }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path: at, message: `must be an object such as { search: "Search" }, got ${show(value)}` }];
  const out: { path: string[]; message: string }[] = [];
  for (const [key, v] of Object.entries(value)) {
    const where = [...at, key];
    const own = table[key];
    if (own === undefined) {
      const hint = closest(key, Object.keys(table));
      out.push({ path: where, message: `unknown string${hint ? ` (did you mean "${hint}"?)` : ''}; see the Strings type of folio-ssg for every key` });
    } else if (typeof own === 'string' && typeof v !== 'string') out.push({ path: where, message: `must be text, got ${show(v)}` });
    else if (typeof own === 'function' && (typeof v !== 'function' || v.length > own.length)) {
      const params = paramsOf(own as (...args: never[]) => unknown);
      out.push({ path: where, message: `must be a function (${params}) => text, such as (${params}) => \`…\`, got ${typeof v === 'function' ? `one of ${v.length} arguments` : show(v)}` });
    } else if (typeof own === 'object' && own !== null) out.push(...checkStrings(v, own as Record<string, unknown>, where));
  }
  return out;
}

function paramsOf(fn: (...args: never[]) => unknown): string {
  return /^\(([^)]*)\)/.exec(fn.toString())?.[1]?.replace(/\s*:\s*\w+/g, '') ?? '';
}

// --- theme ---

const COLOR = /^(?:#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|[a-z]+|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([\w\s.,%/+-]*\))$/i;
const color = check<string>((v) => typeof v === 'string' && COLOR.test(v.trim()), 'must be a CSS colour such as "#0b5cad", "rgb(11 92 173)" or "teal"');
/** Font names, quoted or not, separated by commas; nothing that could end the declaration. */
const font = check<string>((v) => typeof v === 'string' && /^[\p{L}\p{N}\s,'"_.-]+$/u.test(v) && v.trim() !== '', `must be a CSS font list such as "'Inter', system-ui, sans-serif"`);
const length = check<string>((v) => typeof v === 'string' && /^\d+(?:\.\d+)?(?:rem|em|ch|px)$/.test(v.trim()), 'must be a CSS length in rem, em, ch or px, such as "42rem"');

/** highlight.js themes that can be used: the installed styles/, without those that load images. */
export function codeThemes(): string[] {
  const dir = path.dirname(createRequire(import.meta.url).resolve('highlight.js/styles/github.css'));
  const names: string[] = [];
  for (const sub of ['', 'base16/']) {
    for (const file of readdirSync(path.join(dir, sub))) {
      if (!file.endsWith('.css') || file.endsWith('.min.css')) continue;
      if (readFileSync(path.join(dir, sub, file), 'utf8').includes('url(')) continue;
      names.push(`${sub}${file.slice(0, -4)}`);
    }
  }
  return names.sort();
}

let themes: string[] | undefined;
const codeTheme = check<string>(
  (v) => typeof v === 'string' && (themes ??= codeThemes()).includes(v),
  (v) => {
    const all = (themes ??= codeThemes());
    const hint = typeof v === 'string' ? closest(v, all) : undefined;
    return `must be a highlight.js theme${hint ? ` (did you mean "${hint}"?)` : ''}, got ${show(v)}; choices: ${all.filter((t) => !t.startsWith('base16/')).join(', ')}, and base16/… (see highlight.js/styles)`;
  },
);

export const theme = strictObject(
  {
    accent: z.union([color, strictObject({ light: color, dark: color }, '{ light: "#0b5cad", dark: "#58a6ff" }')]).optional(),
    fonts: strictObject({ body: font.optional(), mono: font.optional() }, `{ body: "'Inter', sans-serif" }`).optional(),
    width: length.optional(),
    code: strictObject({ light: codeTheme.optional(), dark: codeTheme.optional() }, '{ light: "github", dark: "github-dark" }').optional(),
  },
  '{ accent: "#0b5cad", width: "42rem" }',
);

// --- css ---

/** Paths relative to the site folder; whether each file exists is checked when the config is loaded (`cssProblems`). */
export const css = list(
  check<string>((v) => typeof v === 'string' && v.trim().endsWith('.css') && !path.isAbsolute(v) && !/^[a-z]+:/i.test(v), 'must be the path of a .css file relative to the site folder, such as "styles/site.css"'),
  '["styles/site.css"]',
);

// --- head ---

const ATTRIBUTE = /^[a-z][a-z0-9-]*(?::[a-z][a-z0-9-]*)?$/;
/** An address a page may load: http(s), protocol-relative or a site path. Never javascript: or data:. */
const isAddress = (v: unknown) => typeof v === 'string' && (/^https:\/\/[^\s]+$/i.test(v) || /^http:\/\/[^\s]+$/i.test(v) || (/^\/[^\s]*$/.test(v) && !v.startsWith('//')));
const HEAD_TAGS = ['meta', 'link', 'script'];

/**
 * `{ tag, attrs }`: a meta, link or script element. Attributes only: no event handlers, no
 * inline script (a script loads from `src`), and a link or script only from http(s) or a site path.
 */
export const head = list(
  z.unknown().superRefine((v, ctx) => {
    const add = (message: string, at: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path: at });
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return add(`must be an object such as { tag: "meta", attrs: { name: "…", content: "…" } }, got ${show(v)}`);
    const el = v as Record<string, unknown>;
    for (const key of Object.keys(el)) if (key !== 'tag' && key !== 'attrs') add(`unknown key${key === 'children' || key === 'content' || key === 'text' ? ': an element here has attributes only (a script loads from src; pages allow no inline script)' : ''}; allowed: tag, attrs`, [key]);
    if (typeof el.tag !== 'string' || !HEAD_TAGS.includes(el.tag)) return add(`must be one of ${HEAD_TAGS.map((t) => `"${t}"`).join(', ')}, got ${show(el.tag)}`, ['tag']);
    const attrs = el.attrs;
    if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return add(`must be an object of attributes such as { name: "…", content: "…" }, got ${show(attrs)}`, ['attrs']);
    for (const [name, value] of Object.entries(attrs)) {
      if (!ATTRIBUTE.test(name)) add(`is not an attribute name`, ['attrs', name]);
      else if (name.startsWith('on')) add(`is an event handler: pages allow no inline script`, ['attrs', name]);
      else if (name === 'style') add(`is not allowed: put styles in a css file (css: […])`, ['attrs', name]);
      else if (typeof value !== 'string' && !(el.tag === 'script' && typeof value === 'boolean')) add(`must be text${el.tag === 'script' ? ' (or true, for defer and async)' : ''}, got ${show(value)}`, ['attrs', name]);
    }
    const a = attrs as Record<string, unknown>;
    // A site's own scripts are never published (public/ refuses .js: it is data, never run), so
    // a script comes from another origin, which the site's CSP must then allow.
    if (el.tag === 'script' && !(typeof a.src === 'string' && /^https:\/\/[^\s/]+\/[^\s]*$/i.test(a.src))) add(`must be the https URL of the script (pages allow no inline script, and public/ publishes no .js)${a.src === undefined ? '' : `, got ${show(a.src)}`}`, ['attrs', 'src']);
    if (el.tag === 'link' && !isAddress(a.href)) add(`must be an http(s) URL or a site path${a.href === undefined ? '' : `, got ${show(a.href)}`}`, ['attrs', 'href']);
    if (el.tag === 'link' && typeof a.rel !== 'string') add('is required', ['attrs', 'rel']);
    if (el.tag === 'meta' && typeof a.content !== 'string') add('is required', ['attrs', 'content']);
  }),
  '[{ tag: "meta", attrs: { name: "…", content: "…" } }]',
);

// --- footer ---

const isLinkAddress = (v: unknown) => isAddress(v) || (typeof v === 'string' && /^mailto:[^\s]+$/i.test(v));
const PART = 'text, a link { text: "…", href: "https://…" }';

/** Lines of text and links: never HTML, so nothing in them can run or break the page. */
export const footer = list(
  z.unknown().superRefine((line, ctx) => {
    const part = (v: unknown, at: (string | number)[]) => {
      const add = (message: string, where: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path: [...at, ...where] });
      if (typeof v === 'string') return v.trim() === '' ? add('must be non-empty text') : undefined;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return add(`must be ${PART}, or a list of them, got ${show(v)}`);
      const link = v as Record<string, unknown>;
      for (const key of Object.keys(link)) if (key !== 'text' && key !== 'href') add('unknown key; allowed: text, href', [key]);
      if (typeof link.text !== 'string' || link.text.trim() === '') add(`must be non-empty text${link.text === undefined ? '' : `, got ${show(link.text)}`}`, ['text']);
      if (!isLinkAddress(link.href)) add(`must be an http(s) URL, a mailto: address or a site path such as "/about/"${link.href === undefined ? '' : `, got ${show(link.href)}`}`, ['href']);
    };
    if (Array.isArray(line)) line.forEach((p, i) => part(p, [i]));
    else part(line, []);
  }),
  '["本站内容采用 CC BY 4.0 许可"]',
);
