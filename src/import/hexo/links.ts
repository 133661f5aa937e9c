import path from 'node:path';
import { Parser } from 'htmlparser2';
import type { Definition, Html, Image, Link, Root, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { safeDecode } from '../../site/urls.ts';
import type { Line } from './lines.ts';
import type { ImportLog } from './log.ts';
import { markdownUrl } from './tags.ts';

export interface LinkContext {
  file: string;
  /** The post's file under `_posts/` (`ml/mae.md`). */
  rel: string;
  /** Files in its asset folder, by path inside it. */
  assets: ReadonlySet<string>;
  assetBase: string;
  /** Another post by its old URL path (decoded, without the blog's root). */
  byPermalink: (sitePath: string) => { slug: string } | undefined;
  /** Another post by its file under `_posts/`. */
  byFile: (rel: string) => { slug: string } | undefined;
  /** The blog's own address and root, for links written in full. */
  blogUrl: string;
  blogRoot: string;
  postAssetFolder: boolean;
  /** Whether a root-relative path is a file of source/ (copied into public/). */
  publicFile: (sitePath: string) => boolean;
  log: ImportLog;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/**
 * Rewrites link and image destinations that pointed into the Hexo blog: links to another post's
 * permalink become `./x.md` links (which Folio checks at build time), images in the asset folder
 * are addressed beside the converted post. Parsed with remark, so code is never touched.
 */
export function convertLinks(lines: Line[], ctx: LinkContext): Line[] {
  const text = lines.map((l) => l.text).join('\n');
  const tree = parser.parse(text) as Root;
  const edits: { line: number; start: number; end: number; url: string }[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const edit = (start: number, length: number, url: string) => {
    const lineIndex = lineStarts.findLastIndex((s) => s <= start);
    // A destination split over lines is left alone.
    if (text.slice(start, start + length).includes('\n')) return;
    edits.push({ line: lineIndex, start: start - lineStarts[lineIndex]!, end: start - lineStarts[lineIndex]! + length, url });
  };
  visit(tree, 'html', (node: Html) => {
    const offset = node.position?.start.offset;
    if (offset === undefined) return;
    for (const attr of htmlUrls(node.value)) {
      const sourceLine = lines[lineStarts.findLastIndex((s) => s <= offset + attr.start)]!;
      const next = rewrite(attr.value, attr.image, ctx, sourceLine.from);
      if (next !== undefined && next !== attr.value) edit(offset + attr.start, attr.value.length, next.replace(/&/g, '&amp;').replace(/"/g, '%22'));
    }
  });
  // Hexo has no wikilinks: `[[1, 3]]` in its posts is text (an array, a citation), so it is
  // escaped as `\[[` to stay text in Folio.
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !node.value.includes('[[')) return;
    const raw = text.slice(start, end);
    // Every bracket of a run (`[[[1]],[]]` holds `[[1]]` too).
    for (const run of raw.matchAll(/(?<!\\)\[{2,}/g)) {
      for (let k = 0; k < run[0].length; k++) edit(start + run.index + k, 0, '\\');
      ctx.log.change('text: [[ escaped (no wikilink)');
    }
  });
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const n = node as Link | Image | Definition;
    if (!n.position || n.position.start.offset === undefined || n.position.end.offset === undefined) return;
    const sourceLine = lines[n.position.start.line - 1]!;
    // A bare address shows itself: rewriting it would change the text. Left as written.
    if (n.type === 'link' && text.slice(n.position.start.offset, n.position.end.offset).replace(/^<|>$/g, '') === n.url) return;
    const next = rewrite(n.url, n.type === 'image', ctx, sourceLine.from);
    if (next === undefined || next === n.url) return;
    // The destination follows the label: search after the last child (links) or from the start.
    const children = 'children' in n ? n.children : [];
    const from = children.at(-1)?.position?.end.offset ?? n.position.start.offset;
    const slice = text.slice(from, n.position.end.offset);
    const at = slice.indexOf(n.url);
    if (at < 0) {
      ctx.log.check(ctx.file, sourceLine.from, `could not rewrite the link to ${n.url} (written with escapes); change it to ${next} by hand`);
      return;
    }
    edit(from + at, n.url.length, next);
  });
  const out = lines.map((l) => ({ ...l }));
  for (const e of edits.sort((a, b) => b.line - a.line || b.start - a.start)) {
    const l = out[e.line]!;
    l.text = l.text.slice(0, e.start) + e.url + l.text.slice(e.end);
  }
  return out;
}

function rewrite(url: string, image: boolean, ctx: LinkContext, line: number): string | undefined {
  const trimmed = url.trim();
  // Empty, a fragment, or already pointing beside the converted post (from a tag).
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(ctx.assetBase)) return undefined;
  const hashAt = trimmed.indexOf('#');
  const hash = hashAt < 0 ? '' : trimmed.slice(hashAt);
  let target = hashAt < 0 ? trimmed : trimmed.slice(0, hashAt);
  // Links written in full to the blog's own address.
  const blog = safeUrl(ctx.blogUrl);
  const full = safeUrl(target);
  if (full) {
    if (!blog || full.host !== blog.host || !/^https?:$/.test(full.protocol)) return undefined;
    target = full.pathname;
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined;
  target = target.replace(/\?.*$/, '');
  if (target.startsWith('/')) {
    const root = ctx.blogRoot.endsWith('/') ? ctx.blogRoot : `${ctx.blogRoot}/`;
    const sitePath = safeDecode(root !== '/' && target.startsWith(root) ? target.slice(root.length - 1) : target);
    const post = ctx.byPermalink(sitePath);
    if (post) {
      ctx.log.change('link: permalink → ./x.md');
      return `./${post.slug}.md${hash}`;
    }
    if (full) return undefined;
    if (!ctx.publicFile(sitePath)) ctx.log.check(ctx.file, line, `${image ? 'image' : 'link'} ${url} is neither a post nor a file in source/; it will be a broken link`);
    return sitePath === target ? undefined : markdownUrl(sitePath) + hash;
  }
  // Relative: into the asset folder (as Typora writes it, or bare names with post_asset_folder), or to another post's file.
  const decoded = safeDecode(target).replace(/^\.\//, '');
  const stem = ctx.rel.replace(/\.[^./]+$/, '');
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(ctx.rel), decoded));
  const inFolder = resolved.startsWith(`${stem}/`) ? resolved.slice(stem.length + 1) : undefined;
  if (inFolder !== undefined && ctx.assets.has(inFolder)) {
    ctx.log.change('image: asset folder path');
    return `${ctx.assetBase}${markdownUrl(inFolder)}${hash}`;
  }
  if (ctx.assets.has(decoded) && (ctx.postAssetFolder || image)) {
    ctx.log.change('image: asset folder path');
    return `${ctx.assetBase}${markdownUrl(decoded)}${hash}`;
  }
  const post = ctx.byFile(resolved);
  if (post) {
    ctx.log.change('link: post file → ./x.md');
    return `./${post.slug}.md${hash}`;
  }
  if (image) ctx.log.needs(ctx.file, line, `image ${url} is not in the post's asset folder; copy it beside the post and fix the path`);
  return undefined;
}

/** `src` and `href` values in raw HTML, where they are written (with htmlparser2, never a regex over markup). */
function htmlUrls(html: string): { start: number; value: string; image: boolean }[] {
  const found: { start: number; value: string; image: boolean }[] = [];
  const parser: Parser = new Parser(
    {
      onattribute(name, value) {
        if (name !== 'src' && name !== 'href') return;
        const span = html.slice(parser.startIndex, parser.endIndex + 1);
        const eq = span.indexOf('=');
        const at = eq < 0 ? -1 : span.indexOf(value, eq);
        // Written with entities: left alone (its position is not the value's).
        if (at >= 0 && value !== '') found.push({ start: parser.startIndex + at, value, image: name === 'src' });
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

function safeUrl(text: string): URL | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
