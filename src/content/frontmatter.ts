import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import { aliasPath } from './aliases.ts';
import { parseFrontmatterDate } from './dates.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { closest } from './closest.ts';

export { closest };

/** Frontmatter after validation: the contract in docs/architecture.md. */
export interface Frontmatter {
  title: string;
  /** Required for posts; standalone pages may leave it out. */
  date?: Date;
  updated?: Date;
  tags: string[];
  category?: string;
  summary?: string;
  series?: string;
  seriesOrder?: number;
  slug?: string;
  /** Old site paths that redirect to this document (`/2023/09/28/mae/`), normalised by aliasPath. */
  aliases: string[];
  draft: boolean;
}

export const FIELDS = ['title', 'date', 'updated', 'tags', 'category', 'summary', 'series', 'seriesOrder', 'slug', 'aliases', 'draft'] as const;

/** Slugs are plain path segments: lowercase ASCII letters, digits, `-`, and CJK characters. */
export const SLUG_RE = /^[a-z0-9\p{Script=Han}\u3040-\u30ff\uac00-\ud7af]+(?:-[a-z0-9\p{Script=Han}\u3040-\u30ff\uac00-\ud7af]+)*$/u;

const text = (what: string) =>
  z.string({ error: (i) => (i.input === undefined ? `${what} is required` : `${what} must be text`) }).trim().min(1, `${what} must not be empty`);

const schema = z.strictObject({
  title: text('title'),
  date: z.string({ error: 'date must be written as YYYY-MM-DD' }).optional(),
  updated: z.string({ error: 'updated must be written as YYYY-MM-DD' }).optional(),
  tags: z
    .union([z.string(), z.array(z.unknown())], { error: 'tags must be a list of text, e.g. [BERT, 自监督学习]' })
    .optional(),
  category: text('category').optional(),
  summary: text('summary').optional(),
  series: text('series').optional(),
  seriesOrder: z.number({ error: 'seriesOrder must be a number' }).optional(),
  slug: z.string({ error: 'slug must be text' }).optional(),
  aliases: z
    .union([z.string(), z.array(z.unknown())], { error: 'aliases must be a list of old paths, e.g. [/2023/09/28/mae/]' })
    .optional(),
  draft: z.boolean({ error: 'draft must be true or false' }).optional(),
});

const refuse = (): never => {
  throw new Error('only YAML frontmatter is supported');
};
/** gray-matter's engines with every one but YAML replaced, so no path through it evaluates text. */
const ONLY_YAML = { yaml: () => ({}), javascript: refuse, js: refuse, coffee: refuse, coffeescript: refuse, cson: refuse, json: refuse, toml: refuse };

export interface ParsedSource {
  /** Validated frontmatter, when there were no errors. */
  data?: Frontmatter;
  /** The Markdown body, padded with blank lines so that line numbers match the file. */
  body: string;
  diagnostics: Diagnostic[];
  /** Where each frontmatter key is, for errors found later (duplicate slugs). */
  places: Record<string, Located>;
}

export interface Located {
  line: number;
  column: number;
}

/**
 * Splits frontmatter with gray-matter, parses it with `yaml` (which keeps positions, so every
 * problem points at the key's line) and validates it against the schema.
 */
export function parseSource(source: string, file: string, timeZone: string, requireDate = true): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  // gray-matter picks a parser from the text after the opening `---` and its `javascript` engine
  // evaluates the block: anything there is refused before gray-matter sees the file.
  const language = /^---(?!-)([^\r\n]*)/.exec(source)?.[1]?.trim();
  if (language) {
    const shown = language.length > 20 ? `${language.slice(0, 20)}…` : language;
    diagnostics.push(diagnostic(file, 1, 1, `only YAML frontmatter is supported: start the file with a plain \`---\` line, not \`---${shown}\``, 'frontmatter/language'));
    return { body: '', diagnostics, places: {} };
  }
  // Keep YAML parsing to one parser (ours, with positions); gray-matter only finds the block.
  // It is given the file up to the line that closes the block: it looks every text it is given
  // up in its cache (a hash of the whole text) and copies it to a Buffer, which on a large
  // site cost more than the YAML. The rest of the file follows its answer unchanged.
  const head = source.slice(0, headEnd(source));
  const split = matter(head, { engines: ONLY_YAML });
  const content = split.content + source.slice(head.length);
  const hasBlock = /^---[ \t]*\n/.test(source);
  const raw = hasBlock ? split.matter.replace(/^\n/, '') : '';
  const headLength = source.length - content.length;
  const headLines = source.slice(0, headLength).split('\n').length - 1;
  const body = '\n'.repeat(headLines) + content;
  if (!hasBlock) {
    diagnostics.push(diagnostic(file, 1, 1, 'missing frontmatter: start the file with a `---` block holding at least title and date', 'frontmatter/missing'));
    return { body, diagnostics, places: {} };
  }
  if (headLength === 0 || !/\n---[ \t]*(\n|$)/.test(source.slice(3))) {
    diagnostics.push(diagnostic(file, 1, 1, 'frontmatter is not closed: add a line with `---` after it', 'frontmatter/unclosed'));
    return { body: '', diagnostics, places: {} };
  }
  // The block's first line is line 2 of the file.
  const at = (offset: number): Located => {
    const p = counter.linePos(offset);
    return { line: p.line + 1, column: p.col };
  };
  const counter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const place = yamlErrorPlace(raw, error.code, error.pos[0], at);
      diagnostics.push(diagnostic(file, place.line, place.column, `invalid YAML: ${firstLine(error.message)}`, 'frontmatter/yaml'));
    }
    return { body, diagnostics, places: {} };
  }
  const keyPlaces = new Map<string, Located>();
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) keyPlaces.set(String(item.key.value), at(item.key.range[0]));
    }
  } else if (doc.contents !== null) {
    diagnostics.push(diagnostic(file, 2, 1, 'frontmatter must be a mapping of `key: value` lines', 'frontmatter/shape'));
    return { body, diagnostics, places: Object.fromEntries(keyPlaces) };
  }
  // A required key that is missing is reported on the block's first line, where it would go.
  const placeOf = (key: string | undefined): Located => (key && keyPlaces.get(key)) || { line: 2, column: 1 };
  let value: unknown;
  try {
    // Aliases are expanded here: an undefined one, or an alias bomb, throws.
    value = (doc as Document).toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    const place = aliasPlace(doc, at) ?? { line: 2, column: 1 };
    diagnostics.push(diagnostic(file, place.line, place.column, `invalid YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`, 'frontmatter/yaml'));
    return { body, diagnostics, places: Object.fromEntries(keyPlaces) };
  }
  const result = schema.safeParse(value);
  if ((value as Record<string, unknown>).date === undefined && requireDate) {
    diagnostics.push(diagnostic(file, 2, 1, 'date is required (e.g. `date: 2026-01-11`)', 'frontmatter/date'));
  }
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const hint = closest(key, FIELDS);
          const place = placeOf(key);
          diagnostics.push(
            diagnostic(file, place.line, place.column, `unknown frontmatter field "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${FIELDS.join(', ')}`, 'frontmatter/unknown-field'),
          );
        }
        continue;
      }
      const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      const place = placeOf(key);
      diagnostics.push(diagnostic(file, place.line, place.column, issue.message, `frontmatter/${key ?? 'invalid'}`));
    }
    return { body, diagnostics, places: Object.fromEntries(keyPlaces) };
  }
  const fm = result.data;
  const date = fm.date === undefined ? undefined : parseFrontmatterDate(fm.date, timeZone);
  if (date && !date.ok) diagnostics.push(diagnostic(file, placeOf('date').line, placeOf('date').column, `date: ${date.message}`, 'frontmatter/date'));
  const updated = fm.updated === undefined ? undefined : parseFrontmatterDate(fm.updated, timeZone);
  if (updated && !updated.ok) diagnostics.push(diagnostic(file, placeOf('updated').line, placeOf('updated').column, `updated: ${updated.message}`, 'frontmatter/updated'));
  const tags: string[] = [];
  const rawTags = fm.tags === undefined ? [] : typeof fm.tags === 'string' ? [fm.tags] : fm.tags;
  rawTags.forEach((tag, i) => {
    if (typeof tag !== 'string' || tag.trim() === '') {
      const item = tagItemPlace(doc, i, at) ?? placeOf('tags');
      diagnostics.push(diagnostic(file, item.line, item.column, `tags: item ${i + 1} (${JSON.stringify(tag)}) is not text; quote it or remove it`, 'frontmatter/tags'));
    } else if (!tags.includes(tag.trim())) tags.push(tag.trim());
  });
  const aliases: string[] = [];
  const rawAliases = fm.aliases === undefined ? [] : typeof fm.aliases === 'string' ? [fm.aliases] : fm.aliases;
  rawAliases.forEach((alias, i) => {
    const item = listItemPlace(doc, 'aliases', i, at) ?? placeOf('aliases');
    const normal = typeof alias === 'string' ? aliasPath(alias) : { ok: false as const, message: 'is not text' };
    if (!normal.ok) {
      diagnostics.push(diagnostic(file, item.line, item.column, `aliases: item ${i + 1} (${JSON.stringify(alias)}) ${normal.message}`, 'frontmatter/aliases'));
    } else if (!aliases.includes(normal.path)) {
      // Kept for errors found later (an alias that collides with a page).
      keyPlaces.set(`aliases.${aliases.length}`, item);
      aliases.push(normal.path);
    }
  });
  if (fm.slug !== undefined && !SLUG_RE.test(fm.slug)) {
    const place = placeOf('slug');
    diagnostics.push(
      diagnostic(file, place.line, place.column, `slug "${fm.slug}" is not a plain slug: use lowercase letters, digits, CJK characters and single hyphens (no "/", "..", spaces)`, 'frontmatter/slug'),
    );
  }
  if (diagnostics.length > 0) return { body, diagnostics, places: Object.fromEntries(keyPlaces) };
  const data: Frontmatter = {
    title: fm.title,
    ...(date?.ok ? { date: date.date } : {}),
    tags,
    aliases,
    draft: fm.draft ?? false,
    ...(updated?.ok ? { updated: updated.date } : {}),
    ...(fm.category !== undefined ? { category: fm.category } : {}),
    ...(fm.summary !== undefined ? { summary: fm.summary } : {}),
    ...(fm.series !== undefined ? { series: fm.series } : {}),
    ...(fm.seriesOrder !== undefined ? { seriesOrder: fm.seriesOrder } : {}),
    ...(fm.slug !== undefined ? { slug: fm.slug } : {}),
  };
  return { data, body, diagnostics, places: Object.fromEntries(keyPlaces) };
}

/**
 * Where the line that closes the frontmatter block ends (after its newline): where gray-matter
 * looks for the block, the first `\n---` after the opening one. The whole text when there is
 * no opening `---` or no closing one.
 */
function headEnd(source: string): number {
  if (!source.startsWith('---')) return source.length;
  const close = source.indexOf('\n---', 3);
  if (close === -1) return source.length;
  const eol = source.indexOf('\n', close + 4);
  return eol === -1 ? source.length : eol + 1;
}

/** The first alias that names no anchor, else the first alias: where toJS() gave up. */
function aliasPlace(doc: Document, at: (offset: number) => Located): Located | undefined {
  let unresolved: Located | undefined;
  let first: Located | undefined;
  visit(doc, {
    Alias(_, node) {
      const place = node.range ? at(node.range[0]) : undefined;
      first ??= place;
      if (node.resolve(doc) === undefined) {
        unresolved = place;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first;
}

function tagItemPlace(doc: Document, index: number, at: (offset: number) => Located): Located | undefined {
  return listItemPlace(doc, 'tags', index, at);
}

/** Where item `index` of the list under `key` is (or the scalar itself, for a one-value key). */
function listItemPlace(doc: Document, key: string, index: number, at: (offset: number) => Located): Located | undefined {
  const node = (doc.getIn([key, index], true) ?? (index === 0 ? doc.get(key, true) : undefined)) as { range?: [number, number, number] } | undefined;
  return node?.range ? at(node.range[0]) : undefined;
}

/**
 * `yaml` reports an unclosed quote or bracket where the input ends; authors need the line where
 * it opened, so look for the first line that opens one and does not close it.
 */
function yamlErrorPlace(raw: string, code: string, offset: number, at: (offset: number) => Located): Located {
  if (code === 'MISSING_CHAR' || code === 'BAD_INDENT' || code === 'UNEXPECTED_TOKEN') {
    const lines = raw.split('\n');
    let start = 0;
    for (const line of lines) {
      // Linear: the key must start with a non-space, so the leading whitespace cannot be re-split.
      const m = /^[ \t]*(?:-[ \t]+)?[^:#'"[\]{}\s][^:#'"[\]{}]*:[ \t]*(["'[{])/.exec(line) ?? /^[ \t]*-[ \t]+(["'[{])/.exec(line);
      if (m && !closesOnLine(line.slice(m.index + m[0].length), m[1]!)) return at(start + m[0].length - 1);
      start += line.length + 1;
    }
  }
  return at(offset);
}

function closesOnLine(rest: string, opener: string): boolean {
  if (opener === '"') return /(^|[^\\])"/.test(rest);
  if (opener === "'") return rest.includes("'");
  return rest.includes(opener === '[' ? ']' : '}');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
