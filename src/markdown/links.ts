import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { href as siteHref, safeDecode } from '../site/urls.ts';
import { attachmentProblem } from './attachments.ts';
import { observeDep } from './deps.ts';
import { renderData } from './file-data.ts';
import { report } from './report.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * rehype plugin: rewrites links written against source files into site URLs under the base.
 * `[MAE](../ssl/mae.md#损失函数)` → `/base/posts/mae/#损失函数`; `![图](./x.svg)` → the copied
 * asset. Links to missing posts or files are errors at their position; links are recorded
 * (with their sentence) for fragment checks and backlinks.
 */
export function rehypeLinks() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'element', (node: Element, ancestors) => {
      // Links we generate (heading anchors) have no source position and are right by construction.
      if (!node.position) return;
      if (node.tagName === 'a' && typeof node.properties.href === 'string') {
        const rewritten = rewrite(node.properties.href, node, file, 'link', ancestors);
        if (rewritten !== undefined) node.properties.href = rewritten;
      } else if (node.tagName === 'img' && typeof node.properties.src === 'string') {
        const rewritten = rewrite(node.properties.src, node, file, 'image', ancestors);
        if (rewritten !== undefined) node.properties.src = rewritten;
        const alt = node.properties.alt;
        if (typeof alt !== 'string' || alt.trim() === '') {
          const at = node.position?.start ?? { line: 1, column: 1 };
          report(file, at, 'image has no alt text; describe it for readers who cannot see it: ![描述](…)', 'image/alt');
          node.properties.alt = '';
        }
        node.properties.loading = 'lazy';
        node.properties.decoding = 'async';
      }
    });
  };
}

/** A link as written in a document, split and resolved against the document's source path. */
export interface SourceLink {
  /** The path, decoded: '' for `#x`, `/…` for a site path, else relative to the document. */
  pathPart: string;
  /** `?q=…` as written, or ''. */
  query: string;
  fragment?: string;
  /** For a relative path: the content-relative path it names (`../` first when outside). */
  targetRel?: string;
}

/**
 * How rehypeLinks reads a link (undefined: empty or external, left as it is). `folio dev`'s
 * link scan (link-scan.ts) reads the links it finds in sources through this too.
 */
export function sourceLink(url: string, fromRel: string): SourceLink | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || SCHEME.test(trimmed) || trimmed.startsWith('//')) return undefined;
  const hashAt = trimmed.indexOf('#');
  const beforeHash = hashAt < 0 ? trimmed : trimmed.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const pathPart = safeDecode(queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt));
  // The query is kept as written (`/search/?q=MAE`); only the path is resolved.
  const query = queryAt < 0 ? '' : beforeHash.slice(queryAt);
  const fragment = hashAt < 0 ? undefined : safeDecode(trimmed.slice(hashAt + 1));
  const relative = pathPart !== '' && !pathPart.startsWith('/');
  return { pathPart, query, ...(fragment !== undefined ? { fragment } : {}), ...(relative ? { targetRel: path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), pathPart)) } : {}) };
}

function rewrite(url: string, node: Element, file: VFile, kind: 'link' | 'image', ancestors: Element[] | unknown[]): string | undefined {
  const data = renderData(file);
  const at = node.position?.start ?? { line: 1, column: 1 };
  const fail = (message: string, rule: string) => report(file, at, message, rule, 'error');
  const link = sourceLink(url, data.rel);
  if (!link) return undefined;
  const { pathPart, query, fragment } = link;
  const context = () => sentenceAround(node, ancestors as Element[]);
  if (pathPart === '') {
    if (fragment === undefined || fragment === '') return undefined;
    data.links.push({ target: data.rel, fragment, line: at.line, column: at.column, context: '' });
    return `#${encodeURIComponent(fragment)}`;
  }
  if (pathPart.startsWith('/')) return withQuery(siteHref(data.base, pathPart + (fragment !== undefined ? `#${fragment}` : '')), query);
  const targetRel = link.targetRel!;
  if (targetRel.startsWith('../')) {
    fail(`${kind} "${url}" points outside the content directory`, `${kind}/outside`);
    return '#';
  }
  if (pathPart.endsWith('.md')) {
    const sitePath = data.docPaths[targetRel];
    data.deps[`doc:${targetRel}`] = observeDep(`doc:${targetRel}`, data);
    if (sitePath === undefined) {
      const exists = existsSync(path.join(data.contentDir, targetRel));
      fail(exists ? `link to "${url}": that post is a draft or failed to load` : `link to a post that does not exist: "${url}" (resolved to ${targetRel})`, 'link/missing-post');
      return '#';
    }
    data.links.push({ target: targetRel, ...(fragment ? { fragment } : {}), line: at.line, column: at.column, context: context() });
    return withQuery(siteHref(data.base, sitePath + (fragment ? `#${fragment}` : '')), query);
  }
  const abs = path.join(data.contentDir, targetRel);
  data.deps[`file:${targetRel}`] = observeDep(`file:${targetRel}`, data);
  if (!existsSync(abs) || !statSync(abs).isFile()) {
    fail(`${kind === 'image' ? 'image' : 'file'} does not exist: "${url}" (resolved to ${targetRel})`, kind === 'image' ? 'image/missing' : 'link/missing-file');
    return '#';
  }
  const real = realpathSync(abs);
  const realRoot = realpathSync(data.contentDir);
  if (!real.startsWith(realRoot + path.sep)) {
    fail(`${kind} "${url}" is a symbolic link to ${real}, outside the content directory; refused`, 'file/symlink');
    return '#';
  }
  // The file is copied beside the page's own index.html; that one name would replace the page.
  if (path.posix.basename(targetRel) === 'index.html') {
    fail(`a file named index.html beside the page would replace the page itself (${data.sitePath}); rename the file`, 'content/url-collision');
    return '#';
  }
  const active = attachmentProblem(real);
  if (active) {
    fail(`${kind} "${url}": ${active}`, 'asset/active-content');
    return '#';
  }
  const assetPath = data.sitePath + path.posix.basename(targetRel);
  const clash = data.assets.find((a) => a.path === assetPath && a.source !== abs);
  if (clash) {
    fail(`two different files named "${path.posix.basename(targetRel)}" are used by this page; rename one`, 'asset/name-clash');
    return '#';
  }
  if (!data.assets.some((a) => a.path === assetPath)) data.assets.push({ source: abs, path: assetPath });
  if (kind === 'image') Object.assign(node.properties, intrinsicSize(abs, node));
  return withQuery(siteHref(data.base, assetPath + (fragment ? `#${fragment}` : '')), query);
}

/** `/search/#x` + `?q=MAE` → `/search/?q=MAE#x`. */
function withQuery(url: string, query: string): string {
  if (query === '') return url;
  const hashAt = url.indexOf('#');
  return hashAt < 0 ? url + query : url.slice(0, hashAt) + query + url.slice(hashAt);
}

/** Width and height of SVG/PNG images, so the page does not shift when they load. */
function intrinsicSize(file: string, node: Element): { width?: number; height?: number } {
  if (node.properties.width !== undefined || node.properties.height !== undefined) return {};
  try {
    if (file.endsWith('.svg')) {
      const head = readHead(file, 2000).toString('utf8');
      const tag = /<svg\b[^>]*>/i.exec(head)?.[0] ?? '';
      const w = /\swidth="(\d+(?:\.\d+)?)(?:px)?"/.exec(tag)?.[1];
      const h = /\sheight="(\d+(?:\.\d+)?)(?:px)?"/.exec(tag)?.[1];
      const box = /\sviewBox="[\d.\s-]+?\s([\d.]+)\s+([\d.]+)"/.exec(tag);
      const width = Number(w ?? box?.[1]);
      const height = Number(h ?? box?.[2]);
      return width > 0 && height > 0 ? { width: Math.round(width), height: Math.round(height) } : {};
    }
    if (file.endsWith('.png')) {
      const b = readHead(file, 24);
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    }
  } catch {
    // Size is a nicety; a file we cannot read is reported elsewhere.
  }
  return {};
}

const SENTENCE_END = /[。！？!?；;\n]/;
/** Characters of context on either side of a link, at most. */
const CONTEXT_REACH = 120;

interface BlockText {
  /** The block's text with runs of white space as one space. */
  full: string;
  /** Where each element's text starts in `full`. */
  starts: Map<Element, number>;
}

/** One walk per block, however many links it holds: a paragraph of links stays linear. */
const blockTexts = new WeakMap<Element, BlockText>();

function blockText(block: Element): BlockText {
  let known = blockTexts.get(block);
  if (known) return known;
  let full = '';
  const starts = new Map<Element, number>();
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type === 'element') {
        starts.set(child, full.length);
        walk(child);
      } else if (child.type === 'text') {
        const value = child.value.replace(/\s+/g, ' ');
        full += full.endsWith(' ') && value.startsWith(' ') ? value.slice(1) : value;
      }
    }
  };
  walk(block);
  known = { full, starts };
  blockTexts.set(block, known);
  return known;
}

/** The sentence of the enclosing block that holds the link, for "被引用于" context. */
function sentenceAround(link: Element, ancestors: Element[]): string {
  const block = [...ancestors].reverse().find((a) => a.type === 'element' && /^(p|li|td|th|blockquote|figcaption)$/.test(a.tagName));
  if (!block) return toString(link).trim();
  const { full, starts } = blockText(block);
  // Where this link is, not where its text first occurs: "MAE" may appear earlier in the block.
  const at = starts.get(link);
  if (at === undefined) return full.slice(0, 200);
  const text = blockText(link).full;
  let start = at;
  while (start > 0 && at - start < CONTEXT_REACH && !SENTENCE_END.test(full[start - 1]!)) start--;
  let end = at + text.length;
  while (end < full.length && end - at - text.length < CONTEXT_REACH && !SENTENCE_END.test(full[end]!)) end++;
  return full.slice(start, Math.min(end + 1, full.length)).trim().slice(0, 240);
}

/** The first bytes of a file, without reading the rest: an image may be megabytes. */
function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
