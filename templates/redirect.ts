import { h } from 'hastscript';
import type { Root } from 'hast';
import type { RenderContext } from './context.ts';

/**
 * The page left at an old path (`aliases`): a refresh to the document's URL, the document as
 * canonical so search engines move their entry, and a plain link for everyone else. Kept out of
 * the sitemap, the feeds and search.
 */
export function redirectPage(ctx: RenderContext, to: { title: string; path: string }): Root {
  const target = ctx.url(to.path);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: ctx.config.language }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('title', `${to.title} - ${ctx.config.title}`),
          h('link', { rel: 'canonical', href: ctx.absolute(to.path) }),
          h('meta', { name: 'robots', content: 'noindex' }),
          h('meta', { httpEquiv: 'refresh', content: `0; url=${target}` }),
        ]),
        h('body', [h('p', [`${ctx.strings.movedTo}`, h('a', { href: target }, to.title)])]),
      ]),
    ],
  };
}
