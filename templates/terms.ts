import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import type { PageSlice, Post, TermGroup, TermKind } from '../src/config/types.ts';
import type { RenderContext } from './context.ts';
import type { Strings } from '../src/config/types.ts';
import { optional } from './home.ts';
import { layout } from './layout.ts';
import { byDateDesc } from '../src/site/collect.ts';
import { pagination, postList, time } from './partials.ts';

export type { TermKind };

const indexTitles = (s: Strings): Record<TermKind, string> => ({ tag: s.tagsIndex, category: s.categoriesIndex, series: s.series });
const indexPaths: Record<TermKind, string> = { tag: '/tags/', category: '/categories/', series: '/series/' };
const titles = (s: Strings): Record<TermKind, (name: string) => string> => ({ tag: s.tagTitle, category: s.categoryTitle, series: s.seriesTitle });

/** `标签：MAE`: the heading of a term's page, also its feed's title. */
export const termTitle = (kind: TermKind, name: string, strings: Strings): string => titles(strings)[kind](name);

/** How many of a category's or series' newest posts its entry on the index page lists. */
const INDEX_LATEST = 3;

/**
 * All tags (a cloud with counts); all categories or series, each with its description, its
 * count and its latest posts. A description comes from `descriptions` in the config, else (for a
 * series) from the summary of its first part.
 */
export function termIndexPage(ctx: RenderContext, kind: TermKind, groups: readonly TermGroup[]): Root {
  const description = ctx.strings.labelled(indexTitles(ctx.strings)[kind], ctx.config.title);
  const body =
    kind === 'tag'
      ? h(
          'ul',
          { className: ['term-index', `term-index-${kind}`] },
          groups.map((g) => h('li', [h('a', { href: ctx.url(g.term.path) }, g.term.name), ' ', h('span', { className: ['term-count'] }, ctx.strings.postCount(g.posts.length))])),
        )
      : h('div', { className: ['term-cards'] }, groups.map((g) => termCard(ctx, kind, g)));
  return layout(ctx, { title: indexTitles(ctx.strings)[kind], description, path: indexPaths[kind], bodyClass: `page-${kind}-index` }, [
    h('h1', { className: ['page-title'] }, indexTitles(ctx.strings)[kind]),
    h('p', { className: ['page-subtitle'] }, ctx.strings.termCount(groups.length)),
    body,
  ]);
}

function termCard(ctx: RenderContext, kind: TermKind, group: TermGroup): Element {
  const text = termDescription(ctx, kind, group);
  const latest = [...group.posts].sort(byDateDesc).slice(0, INDEX_LATEST);
  return h('section', { className: ['term-card'] }, [
    h('h2', { className: ['term-card-title'] }, [
      h('a', { href: ctx.url(group.term.path) }, group.term.name),
      ' ',
      h('span', { className: ['term-count'] }, ctx.strings.postCount(group.posts.length)),
    ]),
    ...(text ? [h('p', { className: ['term-card-description'] }, text)] : []),
    h(
      'ul',
      { className: ['related-list'], ariaLabel: ctx.strings.latestOf(group.term.name) },
      latest.map((p) => h('li', [h('a', { href: ctx.url(p.path) }, p.title), ' ', time(ctx, p.date)])),
    ),
  ]);
}

/** From the config, else (a series) the summary of its first part; a category without one has none. */
export function termDescription(ctx: RenderContext, kind: TermKind, group: TermGroup): string | undefined {
  const configured = kind === 'category' ? ctx.config.descriptions?.categories : kind === 'series' ? ctx.config.descriptions?.series : undefined;
  const own = configured?.[group.term.name];
  if (own) return own;
  return kind === 'series' ? group.posts[0]?.summary : undefined;
}

/** One tag, category or series: its posts, newest first, paginated. */
export function termPage(ctx: RenderContext, kind: TermKind, group: TermGroup, slice: PageSlice<Post>, feedPath?: string): Root {
  const title = titles(ctx.strings)[kind](group.term.name);
  const text = termDescription(ctx, kind, group);
  const pageTitle = slice.page > 1 ? `${title} · ${ctx.strings.pageOf(slice.page, slice.total)}` : title;
  return layout(
    ctx,
    {
      title: pageTitle,
      description: text ?? ctx.strings.titleWithCount(title, ctx.strings.postCount(group.posts.length)),
      path: slice.path,
      bodyClass: `page-${kind}`,
      ...(feedPath ? { feeds: [{ title: `${title} (RSS)`, path: feedPath, type: 'application/rss+xml' }] } : {}),
    },
    [
      h('h1', { className: ['page-title'] }, title),
      h('p', { className: ['page-subtitle'] }, [
        ctx.strings.postCount(group.posts.length),
        ...(feedPath ? [' · ', h('a', { href: ctx.url(feedPath) }, ctx.strings.feeds)] : []),
      ]),
      ...(text && slice.page === 1 ? [h('p', { className: ['term-description'] }, text)] : []),
      postList(ctx, slice.items),
      ...optional(pagination(ctx, slice)),
    ],
  );
}
