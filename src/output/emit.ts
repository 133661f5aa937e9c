import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { archivesPage } from '../../templates/archives.ts';
import type { RenderContext } from '../../templates/context.ts';
import { homePage } from '../../templates/home.ts';
import { notFoundPage, searchPage } from '../../templates/misc.ts';
import { postPage, standalonePage } from '../../templates/post.ts';
import { redirectPage } from '../../templates/redirect.ts';
import { postAsides, seriesPage } from '../../templates/knowledge.ts';
import { termIndexPage, termPage, termTitle, type TermKind } from '../../templates/terms.ts';
import { listPublic } from '../content/public-files.ts';
import { siteRedirects } from '../site/aliases.ts';
import { postLinks } from '../site/knowledge.ts';
import type { Site, TermGroup } from '../site/model.ts';
import { paginate } from '../site/paginate.ts';
import { outputFile } from '../site/urls.ts';
import { PageKeys } from './page-keys.ts';
import { atom, jsonFeed, rss } from './feeds.ts';
import { robotsTxt, sitemap } from './sitemap.ts';
import type { OutputFile } from './writer.ts';

export interface EmitOptions {
  /** Files copied as they are (favicon, robots.txt); a generated file of the same name yields. */
  publicDir?: string;
  /** The site's cache key (`siteKey`): every page key covers it. */
  cacheKey?: string;
}

/**
 * One file of the site whose content is produced only when asked for: the dev server lists the
 * site's files and renders just the one requested. Compute per-page data (backlinks, related
 * posts) inside `render`, so that asking for one page never renders the whole site.
 */
export type LazyFile = { path: string; render: () => string | Uint8Array; key?: () => string } | { path: string; copyFrom: string };

/** Turns the site value into the list of files to write. Pure: nothing touches the disk here. */
export function emitSite(site: Site, ctx: RenderContext, options: EmitOptions = {}): OutputFile[] {
  return siteFiles(site, ctx, options).map((f) => ('render' in f ? { path: f.path, content: f.render() } : f));
}

/** Every file of the site, each rendered on demand: the routing table shared by build and dev. */
export function siteFiles(site: Site, ctx: RenderContext, options: EmitOptions = {}): LazyFile[] {
  const files: LazyFile[] = [];
  const keys = new PageKeys(ctx, options.cacheKey);
  /** A page, rendered on demand, keyed by the data its template is given (see PageKeys). */
  const page = (sitePath: string, tree: () => Root, data: () => unknown) =>
    files.push({ path: outputFile(sitePath), render: () => html(tree()), key: () => keys.of('page', sitePath, data()) });
  const file = (filePath: string, render: () => string, data: () => unknown) => files.push({ path: filePath, render, key: () => keys.of('file', filePath, data()) });
  const { perPage } = site.config;

  for (const slice of paginate(site.latest, perPage, '/')) page(slice.path, () => homePage(ctx, slice), () => slice);
  for (const post of site.posts) {
    page(post.path, () => postPage(ctx, post, { asides: postAsides(ctx, postLinks(site, post)) }), () => ({ post, body: post.contentKey, toc: post.toc, links: postLinks(site, post) }));
    for (const asset of post.assets) files.push({ path: asset.path.slice(1), copyFrom: asset.source });
  }
  for (const doc of site.pages) {
    page(doc.path, () => standalonePage(ctx, doc), () => ({ doc, body: doc.contentKey }));
    for (const asset of doc.assets) files.push({ path: asset.path.slice(1), copyFrom: asset.source });
  }
  const terms = (kind: TermKind, indexPath: string, groups: TermGroup[]) => {
    page(indexPath, () => termIndexPage(ctx, kind, groups), () => groups);
    for (const group of groups) {
      if (kind === 'series') {
        page(group.term.path, () => seriesPage(ctx, group), () => group);
        continue;
      }
      // Each tag and category has its own RSS feed, linked from every page of its list.
      const feedPath = `${group.term.path}feed.xml`;
      for (const slice of paginate(group.posts, perPage, group.term.path)) {
        page(slice.path, () => termPage(ctx, kind, group, slice, feedPath), () => ({ kind, term: group.term, count: group.posts.length, slice }));
      }
      const feedInfo = { title: `${termTitle(kind, group.term.name)} - ${site.config.title}`, description: site.config.description, homePath: group.term.path, feedPath };
      file(outputFile(feedPath), () => rss(site, group.posts, feedInfo), () => ({ posts: group.posts, bodies: group.posts.map((p) => p.contentKey), feedInfo }));
    }
  };
  terms('tag', '/tags/', site.tags);
  terms('category', '/categories/', site.categories);
  terms('series', '/series/', site.series);
  page('/archives/', () => archivesPage(ctx, site.archives), () => site.archives);
  page('/search/', () => searchPage(ctx), () => null);
  // The 404 page lists the latest posts, so it is keyed by them.
  const latestFew = () => site.latest.slice(0, NOT_FOUND_LATEST);
  file('404.html', () => html(notFoundPage(ctx, latestFew())), () => latestFew().map((p) => [p.path, p.title, p.date]));

  const info = { title: site.config.title, description: site.config.description, homePath: '/' };
  // The feeds list what the home page lists, in its order: most recently changed first.
  const latest = () => site.latest.slice(0, site.config.feedLimit).map((p) => [p, p.contentKey]);
  file('feed.xml', () => rss(site, site.latest, { ...info, feedPath: '/feed.xml' }), latest);
  file('atom.xml', () => atom(site, site.latest, { ...info, feedPath: '/atom.xml' }), latest);
  file('feed.json', () => jsonFeed(site, site.latest, { ...info, feedPath: '/feed.json' }), latest);
  const lists = ['/', '/tags/', '/categories/', '/archives/', ...site.tags.map((g) => g.term.path), ...site.categories.map((g) => g.term.path), ...site.series.map((g) => g.term.path)];
  file('sitemap.xml', () => sitemap(site, lists), () => ({ lists, posts: site.posts.map((p) => [p.path, p.date, p.updated]), pages: site.pages.map((p) => p.path) }));

  const publicFiles = options.publicDir ? listPublic(options.publicDir).files : [];
  // Old paths (`aliases`) lead to their document; one that collides is an error in the build.
  for (const r of siteRedirects(site, publicFiles.map((f) => f.rel)).redirects) {
    page(r.from, () => redirectPage(ctx, r.to), () => ({ title: r.to.title, path: r.to.path }));
  }
  const generated = new Set(files.map((f) => f.path));
  for (const f of publicFiles) {
    if (!generated.has(f.rel)) files.push({ path: f.rel, copyFrom: f.source });
  }
  if (!files.some((f) => f.path === 'robots.txt')) file('robots.txt', () => robotsTxt(site), () => null);
  return files;
}

/** How many of the latest posts the 404 page offers. */
const NOT_FOUND_LATEST = 5;

function html(tree: Root): string {
  return `${toHtml(tree, { allowDangerousHtml: true })}\n`;
}

