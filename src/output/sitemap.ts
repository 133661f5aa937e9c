import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { isoDay } from '../content/dates.ts';
import type { Site } from '../site/model.ts';
import { absoluteUrl } from '../site/urls.ts';

/** Every indexable page: home, posts, pages, and the term and archive lists. */
export function sitemap(site: Site, listPaths: string[]): string {
  const { config } = site;
  const abs = (p: string) => absoluteUrl(config.url, config.base, p);
  const urls = [
    ...listPaths.map((p) => x('url', [x('loc', abs(p))])),
    ...site.posts.map((p) => x('url', [x('loc', abs(p.path)), x('lastmod', isoDay(p.updated ?? p.date, config.timeZone))])),
    ...site.pages.map((p) => x('url', [x('loc', abs(p.path))])),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>\n${toXml(x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, urls))}\n`;
}

export function robotsTxt(site: Site): string {
  const { config } = site;
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config.url, config.base, '/sitemap.xml')}\n`;
}
