import { h } from 'hastscript';
import type { Root } from 'hast';
import type { RenderContext } from './context.ts';
import { layout } from './layout.ts';
import { strings } from './strings.ts';

/** The search page: a form that works as a link target, enhanced by Pagefind in the browser. */
export function searchPage(ctx: RenderContext): Root {
  return layout(ctx, { title: strings.search, description: strings.searchLabel, path: '/search/', noindex: true, bodyClass: 'page-search' }, [
    h('h1', { className: ['page-title'] }, strings.search),
    h('form', { className: ['search-form'], role: 'search', action: ctx.url('/search/'), method: 'get' }, [
      h('label', { htmlFor: 'search-input', className: ['visually-hidden'] }, strings.searchLabel),
      h('input', { id: 'search-input', type: 'search', name: 'q', placeholder: strings.searchPlaceholder, autoComplete: 'off' }),
      h('button', { type: 'submit' }, strings.search),
    ]),
    // The Pagefind bundle, and the base its (base-free) result URLs are resolved against.
    h('div', { id: 'search-results', className: ['search-results'], ariaLive: 'polite', dataBundle: ctx.url('/pagefind/'), dataBase: ctx.url('/') }),
    h('noscript', [h('p', strings.searchNoScript)]),
  ]);
}

export function notFoundPage(ctx: RenderContext): Root {
  return layout(ctx, { title: strings.notFoundTitle, description: strings.notFoundBody, path: '/404.html', noindex: true, bodyClass: 'page-404' }, [
    h('h1', { className: ['page-title'] }, strings.notFoundTitle),
    h('p', strings.notFoundBody),
    h('p', [h('a', { href: ctx.url('/') }, strings.backHome)]),
  ]);
}
