import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import type { Backlink } from '../src/site/backlinks.ts';
import type { PostLinks } from '../src/site/knowledge.ts';
import type { Post, TermGroup } from '../src/config/types.ts';
import type { SeriesNav } from '../src/site/series.ts';
import type { RenderContext } from './context.ts';
import { optional } from './home.ts';
import { layout } from './layout.ts';
import { time } from './partials.ts';

/** The sections after a post: its series, who cites it, what else to read. */
export function postAsides(ctx: RenderContext, links: PostLinks): Element[] {
  return [
    ...optional(links.series ? seriesBox(ctx, links.series) : undefined),
    ...optional(backlinksSection(ctx, links.backlinks)),
    ...optional(relatedSection(ctx, links.related)),
  ];
}

/** The series' table of contents, this post marked, with previous/next within the series. */
export function seriesBox(ctx: RenderContext, nav: SeriesNav): Element {
  return h('nav', { className: ['series-nav'], ariaLabelledBy: 'series-nav-title' }, [
    h('h2', { id: 'series-nav-title', className: ['series-nav-title'] }, [h('a', { href: ctx.url(nav.term.path) }, ctx.strings.seriesTitle(nav.term.name))]),
    h('p', { className: ['series-nav-position'] }, ctx.strings.seriesPosition(nav.position, nav.entries.length)),
    h(
      'ol',
      { className: ['series-nav-list'] },
      nav.entries.map((e) =>
        h('li', e.current ? { className: ['is-current'] } : {}, [h('a', { href: ctx.url(e.path), ...(e.current ? { ariaCurrent: 'page' } : {}) }, e.title)]),
      ),
    ),
    ...(nav.previous || nav.next
      ? [
          h('div', { className: ['series-nav-pager'] }, [
            nav.previous
              ? h('a', { className: ['series-nav-prev'], href: ctx.url(nav.previous.path) }, [h('span', `← ${ctx.strings.seriesPrevious}`), h('strong', nav.previous.title)])
              : h('span'),
            nav.next
              ? h('a', { className: ['series-nav-next'], href: ctx.url(nav.next.path) }, [h('span', `${ctx.strings.seriesNext} →`), h('strong', nav.next.title)])
              : h('span'),
          ]),
        ]
      : []),
  ]);
}

/** "被引用于": every document linking here, with the sentence each link sits in. */
export function backlinksSection(ctx: RenderContext, backlinks: Backlink[]): Element | undefined {
  if (backlinks.length === 0) return undefined;
  return h('section', { className: ['backlinks'], ariaLabelledBy: 'backlinks-title' }, [
    h('h2', { id: 'backlinks-title', className: ['aside-title'] }, ctx.strings.backlinks),
    h(
      'ul',
      { className: ['backlink-list'] },
      backlinks.map((b) =>
        h('li', { className: ['backlink'] }, [
          h('p', { className: ['backlink-source'] }, [h('a', { href: ctx.url(b.path) }, b.title), ...(b.date ? [' ', time(ctx, b.date)] : [])]),
          ...b.contexts.map((c) => h('p', { className: ['backlink-context'] }, c)),
        ]),
      ),
    ),
  ]);
}

/** "相关文章": up to five posts sharing rare tags or the category. */
export function relatedSection(ctx: RenderContext, posts: Post[]): Element | undefined {
  if (posts.length === 0) return undefined;
  return h('section', { className: ['related'], ariaLabelledBy: 'related-title' }, [
    h('h2', { id: 'related-title', className: ['aside-title'] }, ctx.strings.related),
    h(
      'ul',
      { className: ['related-list'] },
      posts.map((p) => h('li', [h('a', { href: ctx.url(p.path) }, p.title), ' ', time(ctx, p.date)])),
    ),
  ]);
}

/** A series' own page: its posts as a numbered table of contents, in reading order. */
export function seriesPage(ctx: RenderContext, group: TermGroup): Root {
  const title = ctx.strings.seriesTitle(group.term.name);
  const configured = ctx.config.descriptions?.series?.[group.term.name];
  return layout(ctx, { title, description: configured ?? ctx.strings.titleWithCount(title, ctx.strings.postCount(group.posts.length)), path: group.term.path, bodyClass: 'page-series' }, [
    h('h1', { className: ['page-title'] }, title),
    h('p', { className: ['page-subtitle'] }, ctx.strings.postCount(group.posts.length)),
    // The first part's summary already opens the list below; only a configured description is added.
    ...(configured ? [h('p', { className: ['term-description'] }, configured)] : []),
    h(
      'ol',
      { className: ['series-toc'] },
      group.posts.map((p, i) =>
        h('li', { className: ['series-toc-entry'] }, [
          h('h2', { className: ['series-toc-title'] }, [h('span', { className: ['series-toc-part'] }, ctx.strings.seriesPart(i + 1)), ' ', h('a', { href: ctx.url(p.path) }, p.title)]),
          h('p', { className: ['post-meta-line'] }, [time(ctx, p.date)]),
          h('p', { className: ['post-excerpt'] }, p.summary),
        ]),
      ),
    ),
  ]);
}
