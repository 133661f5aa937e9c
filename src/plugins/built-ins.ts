import { postAsides } from '../../templates/knowledge.ts';
import { termTitle } from '../../templates/terms.ts';
import type { FolioPlugin, RenderContext, RouteFile, RoutePage, TermKind } from '../config/types.ts';
import { atom, jsonFeed, rss } from '../output/feeds.ts';
import { robotsTxt, sitemap } from '../output/sitemap.ts';
import { siteRedirects } from '../site/aliases.ts';
import { postLinks } from '../site/knowledge.ts';
import type { Post, Site, TermGroup } from '../site/model.ts';
import { paginate } from '../site/paginate.ts';
import type { LayerEnv } from './layer.ts';

/**
 * Folio's own features, each a plugin of the shape a site's config uses: its routes own their
 * paths, the template they render with (`ctx.templates`, so a site's own file wins) and the data
 * their pages are keyed by. The built-ins see the whole site value (`Site`); a site's plugins see
 * its read-only view.
 */
export interface BuiltInPlugin extends Omit<FolioPlugin, 'routes' | 'postAsides'> {
  routes?(site: Site, env: LayerEnv): Iterable<RouteFile>;
  postAsides?: { data(site: Site, post: Post): unknown; render: NonNullable<FolioPlugin['postAsides']>['render'] };
}

/** A page whose data is typed by its render (the built-ins' own `definePage`). */
const page = <D>(p: RoutePage<D>): RoutePage<D> => p;

/** "最近更新": the latest posts, paginated at /, /page/2/, … */
const home: BuiltInPlugin = {
  name: 'home',
  *routes(site) {
    for (const slice of paginate(site.latest, site.config.perPage, '/')) yield page({ path: slice.path, data: () => slice, render: (ctx, s) => ctx.templates.home(ctx, s) });
  },
};

/** Posts and standalone pages, with the files beside them. */
const documents: BuiltInPlugin = {
  name: 'posts',
  *routes(site, env) {
    for (const post of site.posts) {
      yield page({
        path: post.path,
        data: () => ({ post, body: post.contentKey, toc: post.toc, asides: env.asides.data(post) }),
        render: (ctx, d) => ctx.templates.post(ctx, post, { asides: env.asides.render(ctx, d.asides) }),
      });
      for (const asset of post.assets) yield { path: asset.path, copyFrom: asset.source };
    }
    for (const doc of site.pages) {
      yield page({ path: doc.path, data: () => ({ doc, body: doc.contentKey }), render: (ctx) => ctx.templates.page(ctx, doc) });
      for (const asset of doc.assets) yield { path: asset.path, copyFrom: asset.source };
    }
  },
};

/** Backlinks ("被引用于"), related posts and the series box after each post. */
const knowledge: BuiltInPlugin = {
  name: 'knowledge',
  postAsides: { data: (site, post) => postLinks(site, post), render: (ctx, links: ReturnType<typeof postLinks>) => postAsides(ctx, links) },
};

/** Tags and categories: an index, a paginated list per term, and an RSS feed per term. */
function terms(kind: 'tag' | 'category', name: string, indexPath: string, groupsOf: (site: Site) => TermGroup[]): BuiltInPlugin {
  return {
    name,
    *routes(site) {
      const groups = groupsOf(site);
      yield termIndex(kind, indexPath, groups);
      for (const group of groups) {
        // Each tag and category has its own RSS feed, linked from every page of its list.
        const feedPath = `${group.term.path}feed.xml`;
        for (const slice of paginate(group.posts, site.config.perPage, group.term.path)) {
          yield page({ path: slice.path, data: () => ({ kind, term: group.term, count: group.posts.length, slice }), render: (ctx) => ctx.templates.list(ctx, kind, group, slice, feedPath) });
        }
        const feedInfo = { description: site.config.description, homePath: group.term.path, feedPath };
        // The title is in the site's language: the string table is part of every page key.
        const title = (ctx: RenderContext) => `${termTitle(kind, group.term.name, ctx.strings)} - ${site.config.title}`;
        yield page({ path: feedPath, data: () => ({ posts: group.posts, bodies: group.posts.map((p) => p.contentKey), feedInfo }), render: (ctx) => rss(site, group.posts, { ...feedInfo, title: title(ctx) }) });
      }
    },
  };
}

function termIndex(kind: TermKind, path: string, groups: TermGroup[]): RouteFile {
  return page({ path, data: () => groups, render: (ctx) => ctx.templates.terms(ctx, kind, groups) });
}

/** Series: an index and a page per series, its parts in reading order. */
const series: BuiltInPlugin = {
  name: 'series',
  *routes(site) {
    yield termIndex('series', '/series/', site.series);
    for (const group of site.series) yield page({ path: group.term.path, data: () => group, render: (ctx) => ctx.templates.series(ctx, group) });
  },
};

const archives: BuiltInPlugin = {
  name: 'archives',
  *routes(site) {
    yield page({ path: '/archives/', data: () => site.archives, render: (ctx) => ctx.templates.archives(ctx, site.archives) });
  },
};

/** The search page; the index itself is made after the pages (src/output/search.ts). */
const search: BuiltInPlugin = {
  name: 'search',
  *routes() {
    yield page({ path: '/search/', data: () => null, render: (ctx) => ctx.templates.search(ctx) });
  },
};

/** How many of the latest posts the 404 page offers. */
const NOT_FOUND_LATEST = 5;

const notFound: BuiltInPlugin = {
  name: '404',
  *routes(site) {
    // The 404 page lists the latest posts, so it is keyed by them.
    const latestFew = () => site.latest.slice(0, NOT_FOUND_LATEST);
    yield page({ path: '/404.html', data: () => latestFew().map((p) => [p.path, p.title, p.date]), render: (ctx) => ctx.templates.notFound(ctx, latestFew()) });
  },
};

/** RSS, Atom and JSON Feed of the whole site: what the home page lists, in its order. */
const feeds: BuiltInPlugin = {
  name: 'feeds',
  *routes(site) {
    const info = { title: site.config.title, description: site.config.description, homePath: '/' };
    const latest = () => site.latest.slice(0, site.config.feedLimit).map((p) => [p, p.contentKey]);
    yield page({ path: '/feed.xml', data: latest, render: () => rss(site, site.latest, { ...info, feedPath: '/feed.xml' }) });
    yield page({ path: '/atom.xml', data: latest, render: () => atom(site, site.latest, { ...info, feedPath: '/atom.xml' }) });
    yield page({ path: '/feed.json', data: latest, render: () => jsonFeed(site, site.latest, { ...info, feedPath: '/feed.json' }) });
  },
};

/** sitemap.xml: the list pages, posts and pages, then the pages other plugins list (`sitemap: true`). */
const sitemapPlugin: BuiltInPlugin = {
  name: 'sitemap',
  *routes(site, env) {
    const lists = () => ['/', '/tags/', '/categories/', '/archives/', ...site.tags.map((g) => g.term.path), ...site.categories.map((g) => g.term.path), ...site.series.map((g) => g.term.path), ...env.sitemap()];
    yield page({
      path: '/sitemap.xml',
      data: () => ({ lists: lists(), posts: site.posts.map((p) => [p.path, p.date, p.updated]), pages: site.pages.map((p) => p.path) }),
      render: () => sitemap(site, lists()),
    });
  },
};

/** Old paths (`aliases`) lead to their document; one that collides is an error in the build. */
const aliases: BuiltInPlugin = {
  name: 'aliases',
  *routes(site, env) {
    for (const r of siteRedirects(site, [...env.publicFiles]).redirects) {
      yield page({ path: r.from, data: () => ({ title: r.to.title, path: r.to.path }), render: (ctx) => ctx.templates.redirect(ctx, r.to) });
    }
  },
};

/** robots.txt, unless public/ has one. */
const robots: BuiltInPlugin = {
  name: 'robots',
  *routes(site) {
    yield page({ path: '/robots.txt', fallback: true, data: () => null, render: () => robotsTxt(site) });
  },
};

/** In the order their files are listed: the site's own plugins come after `aliases`. */
export const BUILT_IN_PLUGINS: readonly BuiltInPlugin[] = [
  home,
  documents,
  knowledge,
  terms('tag', 'tags', '/tags/', (site) => site.tags),
  terms('category', 'categories', '/categories/', (site) => site.categories),
  series,
  archives,
  search,
  notFound,
  feeds,
  sitemapPlugin,
  aliases,
  robots,
];
