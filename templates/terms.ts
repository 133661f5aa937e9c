import { h } from 'hastscript';
import type { Root } from 'hast';
import type { Post, TermGroup } from '../src/site/model.ts';
import type { PageSlice } from '../src/site/paginate.ts';
import type { RenderContext } from './context.ts';
import { optional } from './home.ts';
import { layout } from './layout.ts';
import { pagination, postList } from './partials.ts';
import { strings } from './strings.ts';

export type TermKind = 'tag' | 'category' | 'series';

const indexTitles: Record<TermKind, string> = { tag: strings.tagsIndex, category: strings.categoriesIndex, series: strings.series };
const indexPaths: Record<TermKind, string> = { tag: '/tags/', category: '/categories/', series: '/series/' };
const titles: Record<TermKind, (name: string) => string> = { tag: strings.tagTitle, category: strings.categoryTitle, series: strings.seriesTitle };

/** `标签：MAE`: the heading of a term's page, also its feed's title. */
export const termTitle = (kind: TermKind, name: string): string => titles[kind](name);

/** All tags (a cloud with counts) or all categories (a list with counts). */
export function termIndexPage(ctx: RenderContext, kind: TermKind, groups: TermGroup[]): Root {
  return layout(ctx, { title: indexTitles[kind], description: `${indexTitles[kind]}：${ctx.config.title}`, path: indexPaths[kind], bodyClass: `page-${kind}-index` }, [
    h('h1', { className: ['page-title'] }, indexTitles[kind]),
    h(
      'ul',
      { className: ['term-index', `term-index-${kind}`] },
      groups.map((g) =>
        h('li', [
          h('a', { href: ctx.url(g.term.path) }, g.term.name),
          ' ',
          h('span', { className: ['term-count'] }, strings.postCount(g.posts.length)),
        ]),
      ),
    ),
  ]);
}

/** One tag, category or series: its posts, newest first, paginated. */
export function termPage(ctx: RenderContext, kind: TermKind, group: TermGroup, slice: PageSlice<Post>, feedPath?: string): Root {
  const title = titles[kind](group.term.name);
  const pageTitle = slice.page > 1 ? `${title} · ${strings.pageOf(slice.page, slice.total)}` : title;
  return layout(
    ctx,
    {
      title: pageTitle,
      description: `${title}（${strings.postCount(group.posts.length)}）`,
      path: slice.path,
      bodyClass: `page-${kind}`,
      ...(feedPath ? { feeds: [{ title: `${title} (RSS)`, path: feedPath, type: 'application/rss+xml' }] } : {}),
    },
    [
      h('h1', { className: ['page-title'] }, title),
      h('p', { className: ['page-subtitle'] }, [
        strings.postCount(group.posts.length),
        ...(feedPath ? [' · ', h('a', { href: ctx.url(feedPath) }, strings.feeds)] : []),
      ]),
      postList(ctx, slice.items),
      ...optional(pagination(ctx, slice)),
    ],
  );
}
