import { h, s } from 'hastscript';
import type { Element, ElementContent, Root } from 'hast';
import type { FooterLine, HeadElement, PageMeta, RenderContext } from '../src/config/types.ts';
import { clientStrings } from '../src/config/strings.ts';

export type { PageMeta };

/** The layout in use: the site's own (templates/layout.ts) when it has one, else `siteLayout` below. */
export function layout(ctx: RenderContext, meta: PageMeta, main: ElementContent[]): Root {
  return ctx.templates.layout(ctx, meta, main);
}

/** The HTML document around every page: head, header with nav and search, main, footer. */
export function siteLayout(ctx: RenderContext, meta: PageMeta, main: ElementContent[]): Root {
  const { config } = ctx;
  const fullTitle = meta.title ? `${meta.title} - ${config.title}` : config.title;
  const canonical = ctx.absolute(meta.path);
  const head: ElementContent[] = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', fullTitle),
    h('meta', { name: 'description', content: meta.description || config.description }),
    h('link', { rel: 'canonical', href: canonical }),
    h('meta', { name: 'color-scheme', content: 'light dark' }),
    h('meta', { name: 'generator', content: 'Folio' }),
    ...(meta.noindex ? [h('meta', { name: 'robots', content: 'noindex' })] : []),
    h('meta', { property: 'og:type', content: meta.type ?? 'website' }),
    h('meta', { property: 'og:title', content: meta.title || config.title }),
    h('meta', { property: 'og:description', content: meta.description || config.description }),
    h('meta', { property: 'og:url', content: canonical }),
    h('meta', { property: 'og:site_name', content: config.title }),
    h('meta', { property: 'og:locale', content: config.language.replace('-', '_') }),
    ...articleMeta(meta),
    ...imageMeta(ctx),
    h('meta', { name: 'twitter:card', content: config.image ? 'summary_large_image' : 'summary' }),
    h('meta', { name: 'twitter:title', content: meta.title || config.title }),
    h('meta', { name: 'twitter:description', content: meta.description || config.description }),
    h('link', { rel: 'alternate', type: 'application/rss+xml', title: `${config.title} (RSS)`, href: ctx.absolute('/feed.xml') }),
    h('link', { rel: 'alternate', type: 'application/atom+xml', title: `${config.title} (Atom)`, href: ctx.absolute('/atom.xml') }),
    h('link', { rel: 'alternate', type: 'application/feed+json', title: `${config.title} (JSON Feed)`, href: ctx.absolute('/feed.json') }),
    ...(meta.feeds ?? []).map((f) => h('link', { rel: 'alternate', type: f.type, title: f.title, href: ctx.absolute(f.path) })),
    h('link', { rel: 'icon', href: ctx.assets.favicon, type: 'image/svg+xml' }),
    h('link', { rel: 'stylesheet', href: ctx.assets.style }),
    ...(meta.hasMath ? [h('link', { rel: 'stylesheet', href: ctx.assets.math })] : []),
    h('script', { src: ctx.assets.theme }),
    h('script', { type: 'module', src: ctx.assets.main }),
    ...(meta.jsonLd ? [jsonLd(meta.jsonLd)] : []),
    ...(config.head ?? []).map(headElement),
  ];
  // What the page's scripts say (copy buttons, the theme switch): data, read by templates/client/ui.ts.
  const body = h('body', { className: meta.bodyClass ? [meta.bodyClass] : [], dataStrings: JSON.stringify(clientStrings(ctx.strings)) }, [
    h('a', { className: ['skip-link'], href: '#main' }, ctx.strings.skipToContent),
    ctx.templates.header(ctx, meta.path, meta.ownSearch ?? false),
    h('main', { id: 'main', className: ['site-main'] }, main),
    ctx.templates.footer(ctx),
  ]);
  return {
    type: 'root',
    children: [{ type: 'doctype' }, h('html', { lang: config.language }, [h('head', head), body])],
  };
}

function articleMeta(meta: PageMeta): Element[] {
  const a = meta.article;
  if (!a) return [];
  return [
    h('meta', { property: 'article:published_time', content: a.published }),
    h('meta', { property: 'article:modified_time', content: a.modified }),
    ...(a.section ? [h('meta', { property: 'article:section', content: a.section })] : []),
    ...a.tags.map((t) => h('meta', { property: 'article:tag', content: t })),
  ];
}

/** The site's share image, as an absolute URL: link previews fetch it from elsewhere. */
function imageMeta(ctx: RenderContext): Element[] {
  const image = ctx.config.image;
  if (!image) return [];
  const url = ctx.absolute(image.path);
  return [
    h('meta', { property: 'og:image', content: url }),
    h('meta', { property: 'og:image:width', content: String(image.width) }),
    h('meta', { property: 'og:image:height', content: String(image.height) }),
    h('meta', { property: 'og:image:alt', content: image.alt }),
    h('meta', { name: 'twitter:image', content: url }),
    h('meta', { name: 'twitter:image:alt', content: image.alt }),
  ];
}

/**
 * Title, nav, search and theme. On a phone the search box and the theme switch are icon buttons
 * on the title's row: the search icon is a link to /search/ (so it works without JavaScript) that
 * client code turns into a toggle opening the box in place.
 */
export function header(ctx: RenderContext, current: string, ownSearch: boolean): Element {
  const { config } = ctx;
  return h('header', { className: ['site-header'] }, [
    h('div', { className: ['site-header-inner'] }, [
      h('a', { className: ['site-title'], href: ctx.url('/') }, config.title),
      h('nav', { className: ['site-nav'], ariaLabel: ctx.strings.mainNav }, [
        h(
          'ul',
          config.nav.map((item) =>
            h('li', [
              h(
                'a',
                { href: ctx.url(item.path), ...(isCurrent(item.path, current) ? { ariaCurrent: 'page' } : {}) },
                item.title,
              ),
            ]),
          ),
        ),
      ]),
      h('div', { className: ['site-tools'] }, [
        ...(ownSearch
          ? []
          : [
              h('form', { className: ['site-search'], role: 'search', ariaLabel: ctx.strings.searchLabel, action: ctx.url('/search/'), method: 'get' }, [
                h('input', { type: 'search', name: 'q', placeholder: ctx.strings.searchPlaceholder, ariaLabel: ctx.strings.searchLabel, autoComplete: 'off' }),
              ]),
            ]),
        h('a', { className: ['icon-button', 'search-toggle'], href: ctx.url('/search/'), ariaLabel: ctx.strings.search }, [icon('search')]),
        h('button', { type: 'button', className: ['icon-button', 'theme-toggle'], hidden: true, ariaLabel: ctx.strings.theme }, [
          icon('theme'),
          h('span', { className: ['theme-toggle-label', 'visually-hidden'] }, ctx.strings.theme),
        ]),
      ]),
    ]),
  ]);
}

/** Inline SVG icons (stroke only, coloured by `currentColor`), hidden from assistive technology. */
function icon(name: 'search' | 'theme'): Element {
  const paths: Record<typeof name, Element[]> = {
    search: [s('circle', { cx: '10.5', cy: '10.5', r: '6.5' }), s('path', { d: 'm15.5 15.5 5 5' })],
    // A half-filled circle: light and dark.
    theme: [s('circle', { cx: '12', cy: '12', r: '8.5' }), s('path', { d: 'M12 3.5v17a8.5 8.5 0 0 0 0-17z', fill: 'currentColor' })],
  };
  return s(
    'svg',
    { className: ['icon'], viewBox: '0 0 24 24', width: '20', height: '20', fill: 'none', stroke: 'currentColor', strokeWidth: '2', strokeLinecap: 'round', ariaHidden: 'true', focusable: 'false' },
    paths[name],
  );
}

function isCurrent(navPath: string, current: string): boolean {
  if (navPath === '/') return current === '/' || /^\/page\/\d+\/$/.test(current);
  return current.startsWith(navPath);
}

/** The config's `head` elements: attributes only (the schema allows no inline script or event handler). */
function headElement(el: HeadElement): Element {
  return h(el.tag, { ...el.attrs });
}

export function footer(ctx: RenderContext): Element {
  return h('footer', { className: ['site-footer'] }, [
    ...(ctx.config.footer ?? []).map((line) => h('p', { className: ['site-footer-line'] }, footerLine(ctx, line))),
    h('p', [
      `© ${ctx.config.author.name} · `,
      h('a', { href: ctx.url('/feed.xml') }, ctx.strings.rss),
      ' · ',
      h('a', { href: ctx.url('/atom.xml') }, ctx.strings.atom),
      ' · ',
      h('a', { href: ctx.url('/feed.json') }, ctx.strings.jsonFeed),
      ' · ',
      ctx.strings.poweredBy,
    ]),
  ]);
}

/** A footer line from the config: text (never HTML) and links. */
function footerLine(ctx: RenderContext, line: FooterLine): ElementContent[] {
  return (Array.isArray(line) ? line : [line]).map((part) =>
    typeof part === 'string' ? { type: 'text', value: part } : h('a', { href: part.href.startsWith('/') ? ctx.url(part.href) : part.href }, part.text),
  );
}

/** JSON-LD is data, not script; `<` is escaped so the text can never close the element. */
function jsonLd(data: Record<string, unknown>): Element {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return h('script', { type: 'application/ld+json' }, json);
}
