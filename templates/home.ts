import { h } from 'hastscript';
import type { Root } from 'hast';
import type { PageSlice, Post } from '../src/config/types.ts';
import type { RenderContext } from './context.ts';
import { layout } from './layout.ts';
import { pagination, postList } from './partials.ts';

/** "最近更新": the newest posts with excerpts, paginated. */
export function homePage(ctx: RenderContext, slice: PageSlice<Post>): Root {
  const title = slice.page > 1 ? `${ctx.strings.latest} · ${ctx.strings.pageOf(slice.page, slice.total)}` : '';
  return layout(ctx, { title, description: ctx.config.description, path: slice.path, bodyClass: 'page-home' }, [
    h('h1', { className: ['page-title'] }, ctx.strings.latest),
    postList(ctx, slice.items),
    ...optional(pagination(ctx, slice)),
  ]);
}

export function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
