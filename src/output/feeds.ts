import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { Element as XElement } from 'xast';
import { isoDateTime } from '../content/dates.ts';
import type { Post, Site } from '../site/model.ts';
import { absoluteUrl } from '../site/urls.ts';
import { feedHtml } from './feed-html.ts';

export interface FeedInfo {
  title: string;
  description: string;
  /** Site path of the page the feed belongs to (`/`, `/tags/x/`). */
  homePath: string;
  /** Site path of the feed itself. */
  feedPath: string;
}

interface Entry {
  post: Post;
  url: string;
  content: string;
}

function entries(site: Site, posts: Post[]): Entry[] {
  const { config } = site;
  return posts.slice(0, config.feedLimit).map((post) => {
    const url = absoluteUrl(config.url, config.base, post.path);
    return { post, url, content: feedHtml(post.html, url) };
  });
}

/** The feed's own date is its newest entry's, never the time of the build. */
function feedUpdated(posts: Post[]): Date {
  return posts.reduce((max, p) => {
    const d = p.updated ?? p.date;
    return d > max ? d : max;
  }, new Date(0));
}

/** Text as HTML: RSS readers treat `description` as HTML, so a summary is escaped for it. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * RSS leaves open whether `title` and `category` are text or HTML, and readers differ. With `<`
 * written as `&lt;` they are inert either way: a reader that renders HTML shows "<script>" as
 * text, one that shows text only ever differs for titles that contain "<".
 */
function rssText(text: string): string {
  return text.replace(/</g, '&lt;');
}

/** RSS 2.0 with full content (`content:encoded`), escaped text rather than CDATA. */
export function rss(site: Site, posts: Post[], info: FeedInfo): string {
  const { config } = site;
  const abs = (p: string) => absoluteUrl(config.url, config.base, p);
  const items = entries(site, posts).map(({ post, url, content }) =>
    x('item', [
      x('title', rssText(post.title)),
      x('link', url),
      x('guid', { isPermaLink: 'true' }, url),
      x('pubDate', post.date.toUTCString()),
      x('description', escapeHtml(post.summary)),
      x('content:encoded', content),
      ...(post.category ? [x('category', rssText(post.category.name))] : []),
      ...post.tags.map((t) => x('category', rssText(t.name))),
      x('dc:creator', config.author.name),
    ]),
  );
  const tree = x('rss', { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:content': 'http://purl.org/rss/1.0/modules/content/', 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, [
    x('channel', [
      x('title', rssText(info.title)),
      x('link', abs(info.homePath)),
      x('description', rssText(info.description || info.title)),
      x('language', config.language),
      x('lastBuildDate', feedUpdated(posts).toUTCString()),
      x('generator', 'Folio'),
      x('atom:link', { href: abs(info.feedPath), rel: 'self', type: 'application/rss+xml' }),
      ...items,
    ]),
  ]);
  return xmlDocument(tree);
}

/** Atom 1.0. */
export function atom(site: Site, posts: Post[], info: FeedInfo): string {
  const { config } = site;
  const abs = (p: string) => absoluteUrl(config.url, config.base, p);
  const tz = config.timeZone;
  const tree = x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': config.language }, [
    x('title', info.title),
    x('subtitle', info.description || info.title),
    x('link', { href: abs(info.homePath), rel: 'alternate', type: 'text/html' }),
    x('link', { href: abs(info.feedPath), rel: 'self', type: 'application/atom+xml' }),
    x('id', abs(info.homePath)),
    x('updated', isoDateTime(feedUpdated(posts), tz)),
    x('author', [x('name', config.author.name)]),
    x('generator', 'Folio'),
    ...entries(site, posts).map(({ post, url, content }) =>
      x('entry', [
        x('title', post.title),
        x('link', { href: url, rel: 'alternate', type: 'text/html' }),
        x('id', url),
        x('published', isoDateTime(post.date, tz)),
        x('updated', isoDateTime(post.updated ?? post.date, tz)),
        x('summary', post.summary),
        x('content', { type: 'html' }, content),
        ...[...(post.category ? [post.category] : []), ...post.tags].map((t) => x('category', { term: t.name })),
      ]),
    ),
  ]);
  return xmlDocument(tree);
}

/** JSON Feed 1.1. */
export function jsonFeed(site: Site, posts: Post[], info: FeedInfo): string {
  const { config } = site;
  const abs = (p: string) => absoluteUrl(config.url, config.base, p);
  const tz = config.timeZone;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: info.title,
    home_page_url: abs(info.homePath),
    feed_url: abs(info.feedPath),
    description: info.description,
    language: config.language,
    authors: [{ name: config.author.name }],
    items: entries(site, posts).map(({ post, url, content }) => ({
      id: url,
      url,
      title: post.title,
      content_html: content,
      summary: post.summary,
      date_published: isoDateTime(post.date, tz),
      date_modified: isoDateTime(post.updated ?? post.date, tz),
      tags: post.tags.map((t) => t.name),
      authors: [{ name: config.author.name }],
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** Characters XML 1.0 does not allow at all (not even escaped); a stray one would break the feed. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function xmlDocument(tree: XElement): string {
  // The serializer leaves ">" in text as is, but "]]>" may not appear in XML text.
  return `<?xml version="1.0" encoding="utf-8"?>\n${toXml(tree).replace(NOT_XML, '').replace(/]]>/g, ']]&#x3E;')}\n`;
}
