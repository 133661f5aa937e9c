import { slug as githubSlug } from 'github-slugger';
import type { Link, Parent, Root, Text } from 'mdast';
import type { Position } from 'unist';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { wikiDep } from './deps.ts';
import { renderData, type WikiIndex } from './file-data.ts';
import { report } from './report.ts';
import { alignToSource, LineIndex } from './positions.ts';

/** What the index is built from: one entry per document that a wikilink may name. */
export interface WikiTarget {
  rel: string;
  slug: string;
  title: string;
}

/** Slugs and titles compare after NFC, trimmed, with runs of spaces as one, case-insensitively. */
export function wikiKey(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The lookup every render receives: plain data, built once per build from all documents. */
export function buildWikiIndex(targets: readonly WikiTarget[]): WikiIndex {
  const slugs: Record<string, string[]> = {};
  const titles: Record<string, string[]> = {};
  const titleOf: Record<string, string> = {};
  const sorted = [...targets].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const t of sorted) {
    (slugs[wikiKey(t.slug)] ??= []).push(t.rel);
    (titles[wikiKey(t.title)] ??= []).push(t.rel);
    titleOf[t.rel] = t.title;
  }
  return { slugs, titles, titleOf };
}

/** `[[…]]`: group 1 is what is inside (target, then `|alias`). */
export const WIKILINK = /\[\[([^[\]\n]+?)\]\]/g;

/** Nodes whose text is never scanned: a wikilink inside a link would nest links. */
const NO_WIKILINKS = new Set(['link', 'linkReference']);

type Resolution = { rel: string; fragment?: string } | { error: string; rule: string };

/**
 * remark plugin, before remark-rehype: `[[slug]]`, `[[标题]]`, `[[slug|文字]]`, `[[slug#小节]]`
 * become ordinary links to the target's source path, positioned at their `[[`, so that
 * rehypeLinks rewrites them to URLs and records them (fragment checks, backlinks) like any
 * Markdown link. Only text nodes are scanned: code, inline code and math keep their `[[`.
 */
export function remarkWikilinks() {
  return (tree: Root, file: VFile) => {
    const data = renderData(file);
    const index = data.wikiIndex ?? { slugs: {}, titles: {}, titleOf: {} };
    const source = String(file.value);
    let lines: LineIndex | undefined;
    visitParents(tree, 'text', (node: Text, ancestors) => {
      if (!node.value.includes('[[')) return;
      if (ancestors.some((a) => NO_WIKILINKS.has(a.type))) return;
      const parent = ancestors[ancestors.length - 1] as Parent | undefined;
      if (!parent) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const raw = start !== undefined && end !== undefined ? source.slice(start, end) : node.value;
      const toRaw = alignToSource(node.value, raw);
      const place = (valueIndex: number) => {
        const offset = (start ?? 0) + (toRaw[valueIndex] ?? 0);
        return { ...(lines ??= new LineIndex(source)).at(offset), offset };
      };
      const pieces: (Text | Link)[] = [];
      let last = 0;
      for (const m of node.value.matchAll(WIKILINK)) {
        const at = m.index;
        // `\[\[x]]` or `&#91;&#91;x]]` in the source is literal text, not a wikilink.
        if (start !== undefined && raw.slice(toRaw[at], (toRaw[at] ?? 0) + 2) !== '[[') continue;
        const from = place(at);
        const to = place(at + m[0].length - 1);
        const position: Position = { start: from, end: { line: to.line, column: to.column + 1, offset: to.offset + 1 } };
        const { target, alias } = splitAlias(m[1]!);
        const resolved = resolve(target, data.rel, index, (key) => (data.deps[`wiki:${key}`] = wikiDep(key, index)));
        if ('error' in resolved) {
          report(file, from, resolved.error, resolved.rule, 'error');
          continue;
        }
        if (at > last) pieces.push({ type: 'text', value: node.value.slice(last, at) });
        pieces.push({
          type: 'link',
          url: sourceUrl(data.rel, resolved.rel, resolved.fragment),
          children: [{ type: 'text', value: alias ?? label(target, resolved, index, data.rel) }],
          position,
        });
        last = at + m[0].length;
      }
      if (pieces.length === 0) return;
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      const i = parent.children.indexOf(node);
      parent.children.splice(i, 1, ...pieces);
      return [SKIP, i + pieces.length];
    });
  };
}

/**
 * The document a wikilink's inside (`slug`, `标题#小节`, `slug|文字`) names, as remarkWikilinks
 * resolves it; undefined when it names none or several. `folio dev`'s link scan uses this.
 */
export function wikilinkTarget(inner: string, self: string, index: WikiIndex): { rel: string; fragment?: string } | undefined {
  const resolved = resolve(splitAlias(inner).target, self, index, () => undefined);
  return 'error' in resolved ? undefined : resolved;
}

function splitAlias(inner: string): { target: string; alias?: string } {
  const bar = inner.indexOf('|');
  if (bar < 0) return { target: inner.trim() };
  const alias = inner.slice(bar + 1).trim();
  return { target: inner.slice(0, bar).trim(), ...(alias ? { alias } : {}) };
}

/** By slug, else by title; a title with `#` in it is tried whole before the `#` splits it. */
function resolve(target: string, self: string, index: WikiIndex, seen: (key: string) => void): Resolution {
  const whole = lookup(target, index, seen);
  if (!('missing' in whole)) return whole;
  const hash = target.indexOf('#');
  if (hash < 0) return { error: `wikilink [[${target}]] matches no post: no slug or title "${target}"${suggest(target, index)}`, rule: 'wikilink/unresolved' };
  const name = target.slice(0, hash).trim();
  const heading = target.slice(hash + 1).trim();
  const fragment = heading === '' ? undefined : githubSlug(heading.normalize('NFC'));
  if (name === '') return fragment === undefined ? { error: 'empty wikilink [[#]]', rule: 'wikilink/unresolved' } : { rel: self, fragment };
  const found = lookup(name, index, seen);
  if ('missing' in found) return { error: `wikilink [[${target}]] matches no post: no slug or title "${name}"${suggest(name, index)}`, rule: 'wikilink/unresolved' };
  if ('error' in found) return found;
  return fragment === undefined ? found : { ...found, fragment };
}

/** `seen` records each name looked up, so a cached render is redone when what it names changes. */
function lookup(name: string, index: WikiIndex, seen: (key: string) => void): { rel: string } | { error: string; rule: string } | { missing: true } {
  const key = wikiKey(name);
  seen(key);
  const candidates = index.slugs[key] ?? index.titles[key] ?? [];
  if (candidates.length === 1) return { rel: candidates[0]! };
  if (candidates.length === 0) return { missing: true };
  return {
    error: `wikilink [[${name}]] is ambiguous: it matches ${candidates.join(', ')}; link by slug or with a Markdown link to the file instead`,
    rule: 'wikilink/ambiguous',
  };
}

/** A near miss, to turn "matches no post" into a fix: a key that contains the name or is contained in it. */
function suggest(name: string, index: WikiIndex): string {
  const key = wikiKey(name);
  if (key.length < 2) return '';
  const near = Object.entries(index.titleOf)
    .filter(([rel, title]) => {
      const t = wikiKey(title);
      const s = wikiKey(rel.replace(/^.*\//, '').replace(/\.md$/, ''));
      return t.includes(key) || key.includes(t) || s === key;
    })
    .map(([, title]) => title)
    .slice(0, 3);
  return near.length ? ` (did you mean ${near.map((t) => `[[${t}]]`).join(', ')}?)` : '';
}

/** Without an alias: the target's title (a slug is a poor label), with the section when given. */
function label(target: string, resolved: { rel: string; fragment?: string }, index: WikiIndex, self: string): string {
  const hash = target.indexOf('#');
  const section = hash >= 0 && resolved.fragment !== undefined ? target.slice(hash + 1).trim() : '';
  if (resolved.rel === self && section) return section;
  const title = index.titleOf[resolved.rel] ?? target;
  return section ? `${title} › ${section}` : title;
}

/** The target as a link relative to this document, the form rehypeLinks understands. */
function sourceUrl(fromRel: string, toRel: string, fragment: string | undefined): string {
  const hash = fragment === undefined ? '' : `#${encodeURIComponent(fragment)}`;
  if (toRel === fromRel) return hash || '#';
  const fromDir = fromRel.split('/').slice(0, -1);
  const to = toRel.split('/');
  let common = 0;
  while (common < fromDir.length && common < to.length - 1 && fromDir[common] === to[common]) common++;
  const up = fromDir.length - common;
  const segments = [...(up === 0 ? ['.'] : Array<string>(up).fill('..')), ...to.slice(common)];
  return segments.map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s))).join('/') + hash;
}

