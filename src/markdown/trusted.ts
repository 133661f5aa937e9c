import { randomBytes } from 'node:crypto';
import type { Element, Properties, Root } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { Options as Schema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** The property that marks an element a site plugin made (`data-folio-keep`). */
const MARK = 'dataFolioKeep';

interface Saved {
  /** The element name the plugin asked for, when it asked for one. */
  tagName?: string;
  /** The properties the plugin set, as it set them. */
  properties: Properties;
}

/** What a plugin set on one Markdown node: restored after sanitising. */
interface Trusted {
  hName?: string;
  keys: string[];
}

/**
 * Never taken from a plugin as it is: elements that run or embed something, URLs and event
 * handlers. A plugin often copies them from the author's text (a link's URL), so they are
 * sanitised like the author's own; a plugin that needs them can be a rehype plugin.
 */
const UNTRUSTED_TAGS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'form', 'template', 'svg', 'math', 'noscript']);
const URL_PROPERTIES = new Set(['href', 'src', 'srcSet', 'action', 'formAction', 'poster', 'cite', 'longDesc', 'xLinkHref', 'background', 'codeBase', 'data', 'manifest', 'ping', 'archive', 'classId', 'profile', 'useMap', 'icon', 'srcDoc']);
const trustable = (key: string) => !URL_PROPERTIES.has(key) && !/^on/i.test(key) && key !== MARK;

/**
 * Keeps what the site's own remark plugins make through sanitising. Plugins are the site's
 * code; a post's text is not. The element name and the attributes a site plugin sets on a
 * Markdown node (`data.hName`, `data.hProperties`: a class, an `<aside>`) are kept as the plugin
 * set them, with no "removed" warning, while everything else (raw HTML written in a post, the
 * URLs of links, anything a plugin copies into a URL or an event handler) is sanitised as before.
 *
 * - `remarkBefore` (before the site's remark plugins) notes each node's `hName`/`hProperties`.
 * - `remarkAfter` (after them) marks the nodes whose `hName`/`hProperties` they set or changed,
 *   with a secret made for this processor, which no author can write into a post.
 * - `rehypeHide` (before the removal report and the sanitiser) sets the plugin's name and
 *   attributes of each marked element aside; the element goes through the sanitiser with the
 *   rest (a `<div>` or `<span>` in place of a name the plugin chose).
 * - `rehypeRestore` (right after the sanitiser) puts them back; a mark without the secret (an
 *   author's own `data-folio-keep`) is dropped.
 *
 * The sanitiser's schema must allow the mark: use `schema` from here.
 */
export function trustSitePlugins(base: Schema) {
  const secret = randomBytes(12).toString('base64url');
  const before = new WeakMap<object, { hName: unknown; props: Record<string, string> }>();
  const trusted = new WeakMap<VFile, Trusted[]>();
  const saved = new WeakMap<VFile, Map<string, Saved>>();
  const snapshot = (node: MdastNodes) => ({
    hName: node.data?.hName,
    props: Object.fromEntries(Object.entries(node.data?.hProperties ?? {}).map(([k, v]) => [k, JSON.stringify(v)])),
  });
  const schema: Schema = { ...base, attributes: { ...base.attributes, '*': [...(base.attributes?.['*'] ?? []), MARK] } };
  const inline = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u']);

  const remarkBefore = () => (tree: MdastRoot) => {
    visit(tree, (node) => {
      before.set(node, snapshot(node));
    });
  };

  const remarkAfter = () => (tree: MdastRoot, file: VFile) => {
    const list: Trusted[] = [];
    visit(tree, (node) => {
      const data = node.data;
      if (!data || (data.hName === undefined && data.hProperties === undefined)) return;
      const was = before.get(node);
      const now = snapshot(node);
      const keys = Object.keys(now.props).filter((k) => trustable(k) && was?.props[k] !== now.props[k]);
      const hName = typeof data.hName === 'string' && data.hName !== was?.hName && !UNTRUSTED_TAGS.has(data.hName.toLowerCase()) ? data.hName : undefined;
      if (keys.length === 0 && hName === undefined) return;
      data.hProperties = { ...data.hProperties, [MARK]: `${secret}:${list.length}` };
      list.push({ ...(hName ? { hName } : {}), keys });
    });
    trusted.set(file, list);
  };

  const rehypeHide = () => (tree: Root, file: VFile) => {
    const list = trusted.get(file) ?? [];
    trusted.delete(file);
    const kept = new Map<string, Saved>();
    visit(tree, 'element', (node: Element) => {
      const mark = node.properties[MARK];
      if (typeof mark !== 'string' || !mark.startsWith(`${secret}:`)) return;
      const info = list[Number(mark.slice(secret.length + 1))];
      if (!info) return;
      const properties: Properties = {};
      for (const key of info.keys) {
        if (key in node.properties) properties[key] = node.properties[key];
        delete node.properties[key];
      }
      kept.set(mark, { ...(info.hName ? { tagName: node.tagName } : {}), properties });
      if (info.hName) node.tagName = inline.has(node.tagName) ? 'span' : 'div';
    });
    saved.set(file, kept);
  };

  const rehypeRestore = () => (tree: Root, file: VFile) => {
    const kept = saved.get(file);
    saved.delete(file);
    visit(tree, 'element', (node: Element) => {
      const mark = node.properties[MARK];
      if (mark === undefined) return;
      delete node.properties[MARK];
      const original = typeof mark === 'string' ? kept?.get(mark) : undefined;
      if (!original) return;
      if (original.tagName) node.tagName = original.tagName;
      Object.assign(node.properties, original.properties);
    });
  };

  return { schema, remarkBefore, remarkAfter, rehypeHide, rehypeRestore };
}
