import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import type { Post } from '../src/config/types.ts';
import type { RenderContext } from './context.ts';
import { layout } from './layout.ts';
import { time } from './partials.ts';
import { searchStrings } from '../src/config/strings.ts';

/**
 * The search page: one box, a form that works as a link target, enhanced by Pagefind in the
 * browser (templates/client/search.ts). It is indexable: the bare page is a fine landing page.
 */
export function searchPage(ctx: RenderContext): Root {
  return layout(ctx, { title: ctx.strings.search, description: ctx.strings.searchDescription, path: '/search/', bodyClass: 'page-search', ownSearch: true }, [
    h('h1', { className: ['page-title'] }, ctx.strings.search),
    searchForm(ctx, 'search-input'),
    // The Pagefind bundle, and the base its (base-free) result URLs are resolved against.
    h('div', { id: 'search-results', className: ['search-results'], dataBundle: ctx.url('/pagefind/'), dataBase: ctx.url('/'), dataState: 'idle', dataStrings: JSON.stringify(searchStrings(ctx.strings)) }, [
      h('p', { className: ['search-status'], role: 'status' }),
    ]),
    h('noscript', [h('p', ctx.strings.searchNoScript)]),
  ]);
}

/** A search box that submits to /search/ (the page's own box, or the one on the 404 page). */
function searchForm(ctx: RenderContext, inputId: string): Element {
  return h('form', { className: ['search-form'], role: 'search', ariaLabel: ctx.strings.searchLabel, action: ctx.url('/search/'), method: 'get' }, [
    h('label', { htmlFor: inputId, className: ['visually-hidden'] }, ctx.strings.searchLabel),
    h('input', { id: inputId, type: 'search', name: 'q', placeholder: ctx.strings.searchPlaceholder, autoComplete: 'off' }),
    h('button', { type: 'submit' }, ctx.strings.search),
  ]);
}

/** The 404 page: what happened, a search box, the latest posts and the way home. Links are absolute: it is served at any path. */
export function notFoundPage(ctx: RenderContext, latest: readonly Post[]): Root {
  return layout(ctx, { title: ctx.strings.notFoundTitle, description: ctx.strings.notFoundBody, path: '/404.html', noindex: true, bodyClass: 'page-404', ownSearch: true }, [
    h('h1', { className: ['page-title'] }, ctx.strings.notFoundTitle),
    h('p', ctx.strings.notFoundBody),
    h('p', ctx.strings.notFoundSearch),
    searchForm(ctx, 'search-input'),
    ...(latest.length > 0
      ? [
          h('section', { className: ['not-found-latest'] }, [
            h('h2', { className: ['aside-title'] }, ctx.strings.latest),
            h(
              'ul',
              { className: ['related-list'] },
              latest.map((p) => h('li', [h('a', { href: ctx.url(p.path) }, p.title), ' ', time(ctx, p.date)])),
            ),
          ]),
        ]
      : []),
    h('p', [h('a', { href: ctx.url('/') }, `${ctx.strings.backHome} →`)]),
  ]);
}
