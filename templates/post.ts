import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import { isoDateTime } from '../src/content/dates.ts';
import type { Doc, Post, PostExtras } from '../src/config/types.ts';
import type { RenderContext } from './context.ts';
import { optional } from './home.ts';
import { layout } from './layout.ts';
import { postMeta, raw } from './partials.ts';

export type { PostExtras };

/** A post: title, meta, reading time, TOC, body, previous/next. */
export function postPage(ctx: RenderContext, post: Post, extras: PostExtras = {}): Root {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.summary,
    datePublished: isoDateTime(post.date, ctx.config.timeZone),
    dateModified: isoDateTime(post.updated ?? post.date, ctx.config.timeZone),
    author: { '@type': 'Person', name: ctx.config.author.name, ...(ctx.config.author.url ? { url: ctx.config.author.url } : {}) },
    keywords: post.tags.map((t) => t.name).join(', '),
    inLanguage: ctx.config.language,
    mainEntityOfPage: ctx.absolute(post.path),
    url: ctx.absolute(post.path),
    ...(post.category ? { articleSection: post.category.name } : {}),
    ...(ctx.config.image ? { image: ctx.absolute(ctx.config.image.path) } : {}),
  };
  const article = h('article', { className: ['post'] }, [
    h('header', { className: ['post-header'] }, [
      // Search indexes the title (weighted above the body) and the body, nothing else on the page.
      h('h1', { className: ['post-title'], dataPagefindBody: true, dataPagefindMeta: 'title', dataPagefindWeight: '5' }, post.title),
      postMeta(ctx, post, true),
    ]),
    ...optional(toc(ctx, post)),
    h('div', { className: ['post-body'], dataPagefindBody: true }, [raw(post.html)]),
  ]);
  return layout(
    ctx,
    {
      title: post.title,
      description: post.summary,
      path: post.path,
      type: 'article',
      hasMath: post.hasMath,
      jsonLd,
      bodyClass: 'page-post',
      article: { published: jsonLd.datePublished, modified: jsonLd.dateModified, tags: post.tags.map((t) => t.name), ...(post.category ? { section: post.category.name } : {}) },
    },
    [article, ...(extras.asides ?? []), neighbours(ctx, post), backToTop(ctx)],
  );
}

/** A standalone page (about): title and body only. */
export function standalonePage(ctx: RenderContext, doc: Doc): Root {
  return layout(ctx, { title: doc.title, description: doc.summary, path: doc.path, hasMath: doc.hasMath, bodyClass: 'page-standalone' }, [
    h('article', { className: ['post', 'standalone'] }, [
      h('h1', { className: ['post-title'] }, doc.title),
      h('div', { className: ['post-body'] }, [raw(doc.html)]),
    ]),
  ]);
}

/**
 * The contents fold: a <details>, closed as served (a phone reader sees the post first), opened by
 * the client script on wide screens where it sits beside the post. Without JavaScript it opens on
 * a tap, as any <details> does.
 */
function toc(ctx: RenderContext, post: Post): Element | undefined {
  if (post.toc.length < 2) return undefined;
  return h('nav', { className: ['toc'], ariaLabelledBy: 'toc-title' }, [
    h('details', { className: ['toc-details'] }, [
      h('summary', { id: 'toc-title', className: ['toc-title'] }, ctx.strings.toc),
      h(
        'ol',
        post.toc.map((e) => h('li', { className: [`toc-depth-${e.depth}`] }, [h('a', { href: `#${encodeURIComponent(e.id)}` }, e.text)])),
      ),
    ]),
  ]);
}

/** "回到顶部": `#top` scrolls to the top of the document without any script; the client floats it on long pages. */
function backToTop(ctx: RenderContext): Element {
  return h('p', { className: ['back-to-top'] }, [h('a', { href: '#top' }, [h('span', { ariaHidden: 'true' }, '↑'), ctx.strings.backToTop])]);
}

function neighbours(ctx: RenderContext, post: Post): Element {
  return h('nav', { className: ['post-nav'], ariaLabel: `${ctx.strings.previousPost} / ${ctx.strings.nextPost}` }, [
    post.older
      ? h('a', { className: ['post-nav-prev'], rel: 'prev', href: ctx.url(post.older.path) }, [h('span', ctx.strings.previousPost), h('strong', post.older.title)])
      : h('span'),
    post.newer
      ? h('a', { className: ['post-nav-next'], rel: 'next', href: ctx.url(post.newer.path) }, [h('span', ctx.strings.nextPost), h('strong', post.newer.title)])
      : h('span'),
  ]);
}
