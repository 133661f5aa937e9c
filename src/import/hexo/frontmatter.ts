import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { HexoConfig } from './config.ts';
import { looseDate } from './dates.ts';
import type { ImportLog } from './log.ts';
import { hexoSlugize } from './permalink.ts';

/** A Hexo post split as hexo-front-matter splits it: `---` or `;;;` (JSON), with or without the opening line. */
export interface HexoSplit {
  data?: Record<string, unknown>;
  /** Line of each key, for the report. */
  lines: Record<string, number>;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** Why the block could not be read (the post is then not converted). */
  error?: { line: number; message: string };
  format: 'yaml' | 'json' | 'none';
}

const WITH_OPENER = /^(-{3,}|;{3,})\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/;
const WITHOUT_OPENER = /^([\s\S]+?)\n(-{3,}|;{3,})[ \t]*(?:\n|$)/;

export function splitHexo(text: string): HexoSplit {
  const opened = WITH_OPENER.exec(text);
  const bare = opened || /^(-{3,}|;{3,})/.test(text) ? undefined : WITHOUT_OPENER.exec(text);
  if (!opened && !bare) return { lines: {}, body: text, bodyLine: 1, format: 'none' };
  const raw = opened ? opened[2]! : bare![1]!;
  const separator = opened ? opened[1]! : bare![2]!;
  const consumed = (opened ?? bare)![0];
  const body = text.slice(consumed.length);
  const bodyLine = consumed.split('\n').length - (consumed.endsWith('\n') ? 0 : 1);
  const dataLine = opened ? 2 : 1;
  if (separator.startsWith(';')) {
    let data: unknown;
    try {
      // JSON.parse only: data, never code.
      data = JSON.parse(`{${raw}}`);
    } catch (error) {
      if (!opened) return { lines: {}, body: text, bodyLine: 1, format: 'none' };
      return { lines: {}, body, bodyLine, format: 'json', error: { line: dataLine, message: `the ;;; block is not JSON: ${(error as Error).message}` } };
    }
    const lines: Record<string, number> = {};
    raw.split('\n').forEach((l, i) => {
      const m = /^\s*"([^"]+)"\s*:/.exec(l);
      if (m && lines[m[1]!] === undefined) lines[m[1]!] = dataLine + i;
    });
    return { data: data as Record<string, unknown>, lines, body, bodyLine, format: 'json' };
  }
  // Hexo reads leading tabs as two spaces each.
  const yamlText = raw.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    // Without an opening line, text that is not a mapping is simply the post (as in Hexo).
    if (!opened) return { lines: {}, body: text, bodyLine: 1, format: 'none' };
    const e = doc.errors[0];
    const line = e ? counter.linePos(e.pos[0]).line - 1 + dataLine : dataLine;
    return { lines: {}, body, bodyLine, format: 'yaml', error: { line, message: e ? `invalid YAML: ${e.message.split('\n')[0]}` : 'the frontmatter is not a list of `key: value` lines' } };
  }
  const lines: Record<string, number> = {};
  for (const item of doc.contents.items) {
    if (isScalar(item.key) && item.key.range) lines[String(item.key.value)] = counter.linePos(item.key.range[0]).line - 1 + dataLine;
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    return { lines, body, bodyLine, format: 'yaml', error: { line: dataLine, message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` } };
  }
  return { data, lines, body, bodyLine, format: 'yaml' };
}

/** Folio frontmatter for a post, in the order it is written. */
export interface FolioFields {
  title: string;
  date: string;
  updated?: string;
  tags: string[];
  category?: string;
  summary?: string;
  aliases?: string[];
  draft?: boolean;
}

export interface ConvertedFrontmatter {
  fields: FolioFields;
  /** The instant of `date`, for the permalink. */
  date: Date;
  /** A `permalink:` the post set for itself. */
  permalink?: string;
  /** Slug path of the post's last category, as Hexo's `:category` gives it. */
  categoryPath?: string;
  /** Text and number fields, for custom permalink parts (`:abbrlink`). */
  values: Record<string, string>;
  /** Keys with no Folio meaning, dropped. */
  dropped: string[];
}

export interface FrontmatterInput {
  data: Record<string, unknown>;
  lines: Record<string, number>;
  file: string;
  /** The `:title` of the file name, used when the post has no title. */
  fileTitle: string;
  /** Date from the file name (`:year-:month-:day-:title.md`), or the file's modification time. */
  fallbackDate: { date: Date; from: 'name' | 'mtime' };
  config: HexoConfig;
  siteZone: string;
  log: ImportLog;
}

const HANDLED = new Set(['title', 'date', 'updated', 'categories', 'category', 'tags', 'tag', 'description', 'excerpt', 'summary', 'permalink', 'published', 'draft', 'password']);

/** Hexo frontmatter → Folio's, with every loss and guess logged at the key's line. */
export function convertFrontmatter(input: FrontmatterInput): ConvertedFrontmatter {
  const { data, file, log, config } = input;
  const at = (key: string) => input.lines[key] ?? 1;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) if (typeof v === 'string' || typeof v === 'number') values[k] = String(v);

  let title = typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title).trim() : '';
  if (typeof data.title === 'number') log.change('frontmatter: numeric title kept as text');
  if (!title) {
    title = input.fileTitle;
    log.check(file, at('title'), `no title; the file name "${title}" is used`);
  }

  const zone = config.timezone || input.siteZone;
  let date = input.fallbackDate.date;
  let dateText: string | undefined;
  if (data.date !== undefined && data.date !== null) {
    const d = looseDate(data.date, config.timezone, input.siteZone);
    if (d.ok) {
      [date, dateText] = [d.date, d.text];
      if (String(data.date).trim() !== d.text) log.change('frontmatter: date rewritten');
    } else log.needs(file, at('date'), `date ${d.message}; the ${input.fallbackDate.from === 'name' ? 'date in the file name' : "file's modification time"} is used instead`);
  } else log.check(file, 1, `no date; the ${input.fallbackDate.from === 'name' ? 'date in the file name' : "file's modification time"} is used`);
  if (dateText === undefined) {
    const d = looseDate(formatWall(date, zone), config.timezone, input.siteZone);
    dateText = d.ok ? d.text : date.toISOString();
  }

  let updated: string | undefined;
  if (data.updated !== undefined && data.updated !== null && data.updated !== '') {
    const u = looseDate(data.updated, config.timezone, input.siteZone);
    if (u.ok) updated = u.text;
    else log.needs(file, at('updated'), `updated ${u.message}; left out`);
  }

  // Categories: a list is one path (parent > child); a list of lists is several paths.
  const rawCategories = data.categories ?? data.category;
  const hierarchies = categoryPaths(rawCategories);
  const category = hierarchies[0]?.[0];
  const extra = hierarchies.flatMap((h, i) => (i === 0 ? h.slice(1) : h));
  // Folio has one category per post: the first name is it, the rest are kept as tags.
  if (extra.length > 0) log.change('frontmatter: sub-categories → tags');
  const last = hierarchies.at(-1);
  const categoryPath = last ? last.map((name) => hexoSlugize(config.categoryMap[name] ?? name, config.filenameCase)).join('/') : undefined;

  const tags: string[] = [];
  const rawTags = data.tags ?? data.tag;
  for (const t of rawTags === undefined || rawTags === null ? [] : Array.isArray(rawTags) ? rawTags.flat(Infinity) : [rawTags]) {
    if (t === null || t === undefined || String(t).trim() === '') continue;
    if (typeof t === 'object') {
      log.needs(file, at(data.tags !== undefined ? 'tags' : 'tag'), `tag ${JSON.stringify(t)} is not text; left out`);
      continue;
    }
    // Hexo reads `tags: a, b` as one tag; the author almost always meant two.
    const parts = typeof rawTags === 'string' ? String(t).split(/[,，、]/) : [String(t)];
    if (parts.length > 1) log.check(file, at('tags'), `tags "${t}" split at commas into ${parts.length} tags`);
    for (const p of parts.map((x) => x.trim()).filter(Boolean)) if (!tags.includes(p)) tags.push(p);
  }
  for (const c of extra) if (!tags.includes(c) && c !== category) tags.push(c);

  const summaryKey = ['description', 'summary', 'excerpt'].find((k) => typeof data[k] === 'string' && (data[k] as string).trim() !== '');
  if (summaryKey && summaryKey !== 'summary') log.change(`frontmatter: ${summaryKey} → summary`);

  let draft = false;
  if (data.published === false || data.draft === true) {
    draft = true;
    log.check(file, at(data.published === false ? 'published' : 'draft'), 'unpublished in Hexo: imported as a draft');
  }
  if (data.password !== undefined && data.password !== null && data.password !== '') {
    draft = true;
    log.needs(file, at('password'), 'password-protected in Hexo: Folio has no passwords, so it was imported as a draft; publish it only if it may be public');
  }

  const dropped = Object.keys(data).filter((k) => !HANDLED.has(k) && !(k === 'description' || k === 'excerpt'));
  for (const k of ['description', 'excerpt', 'summary']) if (k in data && k !== summaryKey) dropped.push(k);
  for (const k of dropped) log.change(`frontmatter: dropped ${k}`);

  const permalink = typeof data.permalink === 'string' && data.permalink.trim() !== '' ? data.permalink.trim() : undefined;
  return {
    fields: {
      title,
      date: dateText,
      ...(updated ? { updated } : {}),
      tags,
      ...(category ? { category } : {}),
      ...(summaryKey ? { summary: (data[summaryKey] as string).trim() } : {}),
      ...(draft ? { draft } : {}),
    },
    date,
    ...(permalink ? { permalink } : {}),
    ...(categoryPath ? { categoryPath } : {}),
    values,
    dropped,
  };
}

/** Hexo's category forms: `A`, `[A, B]` (B inside A), `[[A, B], [C]]` (two paths). */
export function categoryPaths(value: unknown): string[][] {
  if (value === undefined || value === null || value === '') return [];
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  if (!Array.isArray(value)) return text(value) ? [[text(value)]] : [];
  const items = value.filter((v) => Array.isArray(v) || text(v) !== '');
  if (!items.some(Array.isArray)) return items.length > 0 ? [items.map(text)] : [];
  return items.map((v) => (Array.isArray(v) ? v.map(text).filter(Boolean) : [text(v)])).filter((h) => h.length > 0);
}

function formatWall(date: Date, zone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
