import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import { isoDateTime, isoDay } from '../src/content/dates.ts';
import type { PageSlice, Post, Term } from '../src/config/types.ts';
import type { RenderContext } from './context.ts';

/** HTML inserted as it is: only for markup Folio made (a post's sanitized body), never for text. */
export function raw(html: string): ElementContent {
  return { type: 'raw', value: html } as ElementContent;
}

export function time(ctx: RenderContext, date: Date): Element {
  const [year, month, day] = isoDay(date, ctx.config.timeZone).split('-').map(Number) as [number, number, number];
  return h('time', { dateTime: isoDateTime(date, ctx.config.timeZone) }, ctx.strings.date(year, month, day));
}

export function termLinks(ctx: RenderContext, terms: readonly Term[], className: string): Element {
  return h(
    'ul',
    { className: [className] },
    terms.map((t) => h('li', [h('a', { href: ctx.url(t.path) }, t.name)])),
  );
}

/** Date, category, tags: the line under a title. */
export function postMeta(ctx: RenderContext, post: Post, withReading = false): Element {
  const parts: ElementContent[] = [time(ctx, post.date)];
  if (post.updated) parts.push(h('span', { className: ['post-updated'] }, [`${ctx.strings.updated} `, time(ctx, post.updated)]));
  if (post.category) parts.push(h('a', { className: ['post-category'], href: ctx.url(post.category.path) }, post.category.name));
  if (withReading) parts.push(h('span', { className: ['reading-time'] }, ctx.strings.readingTime(post.readingMinutes)));
  return h('div', { className: ['post-meta'] }, [
    h('p', { className: ['post-meta-line'] }, parts),
    ...(post.tags.length > 0 ? [termLinks(ctx, post.tags, 'tag-list')] : []),
  ]);
}

/** One entry of a post list: title, meta, excerpt. */
export function postSummary(ctx: RenderContext, post: Post, headingLevel: 'h2' | 'h3' = 'h2'): Element {
  return h('article', { className: ['post-summary'] }, [
    h(headingLevel, { className: ['post-summary-title'] }, [h('a', { href: ctx.url(post.path) }, post.title)]),
    postMeta(ctx, post),
    h('p', { className: ['post-excerpt'] }, post.summary),
  ]);
}

export function postList(ctx: RenderContext, posts: readonly Post[], headingLevel: 'h2' | 'h3' = 'h2'): Element {
  return h('div', { className: ['post-list'] }, posts.map((p) => postSummary(ctx, p, headingLevel)));
}

export function pagination(ctx: RenderContext, slice: PageSlice<unknown>): Element | undefined {
  if (slice.total <= 1) return undefined;
  return h('nav', { className: ['pagination'], ariaLabel: ctx.strings.pagination }, [
    slice.prevPath ? h('a', { rel: 'prev', href: ctx.url(slice.prevPath) }, `← ${ctx.strings.newer}`) : h('span'),
    h('span', { className: ['pagination-status'] }, ctx.strings.pageOf(slice.page, slice.total)),
    slice.nextPath ? h('a', { rel: 'next', href: ctx.url(slice.nextPath) }, `${ctx.strings.older} →`) : h('span'),
  ]);
}
