import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ThemeOptions } from '../config/types.ts';

/**
 * The site's `theme` as CSS: custom properties over the ones templates/client/style.css
 * declares, and the chosen highlight.js themes, each scoped to its colour scheme. Bundled into
 * the site's one hashed stylesheet after style.css (see client-assets.ts): no inline style.
 * Values were checked by the config schema (src/config/look.ts), so they can end no declaration.
 */
export function themeCss(theme: ThemeOptions | undefined): string {
  if (!theme) return '';
  const accent = theme.accent;
  const light = accent === undefined ? [] : [`--accent: ${typeof accent === 'string' ? accent : accent.light};`];
  const dark = accent === undefined ? [] : [`--accent: ${typeof accent === 'string' ? accent : accent.dark};`];
  const both = [...(theme.fonts?.body ? [`--font-sans: ${theme.fonts.body};`] : []), ...(theme.fonts?.mono ? [`--font-mono: ${theme.fonts.mono};`] : [])];
  const out: string[] = [];
  if (both.length + light.length > 0) out.push(`:root {\n  ${[...both, ...light].join('\n  ')}\n}`);
  // style.css sets its dark colours under these selectors: the accent for dark goes there too.
  if (dark.length > 0) out.push(...SCHEMES.dark.map((scope) => wrap(scope, `{\n  ${dark.join('\n  ')}\n}`)));
  if (theme.width) out.push(`.site-main {\n  --measure: ${theme.width};\n}`);
  for (const name of ['light', 'dark'] as const) {
    const chosen = theme.code?.[name];
    if (chosen) out.push(...SCHEMES[name].map((scope) => scopeCss(codeTheme(chosen), scope)));
  }
  return out.join('\n');
}

/** Where a colour scheme applies: the reader's choice (the theme switch), else the system's. */
const SCHEMES = {
  light: [`:root[data-theme='light']`, `@media (prefers-color-scheme: light) { :root:not([data-theme='dark'])`],
  dark: [`:root[data-theme='dark']`, `@media (prefers-color-scheme: dark) { :root:not([data-theme='light'])`],
} as const;

/** `selector body`, inside the scope's media query when it has one. */
function wrap(scope: string, body: string): string {
  const media = /^(@media[^{]+)\{\s*(.+)$/.exec(scope);
  return media ? `${media[1]!.trim()} {\n${media[2]} ${body}\n}` : `${scope} ${body}`;
}

/** The text of an installed highlight.js theme (`github-dark`, `base16/nord`). */
export function codeTheme(name: string): string {
  return readFileSync(createRequire(import.meta.url).resolve(`highlight.js/styles/${name}.css`), 'utf8');
}

/**
 * A highlight.js theme with every selector put under `scope`: `.hljs-keyword` becomes
 * `:root[data-theme='dark'] .hljs-keyword`. A scope opening with `@media (…) { sel` wraps the
 * rules in that query and puts them under `sel`. The theme's box (`.hljs` colours, `pre
 * code.hljs` padding) moves to Folio's own code box, the <pre>, which keeps its padding and its
 * bar. Made for these files: rules and at-rule blocks, no deeper nesting.
 */
export function scopeCss(css: string, scope: string): string {
  const media = /^(@media[^{]+)\{\s*(.+)$/.exec(scope);
  if (media) return `${media[1]!.trim()} {\n${scopeCss(css, media[2]!)}\n}`;
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{', i);
    if (open < 0) break;
    const prelude = source.slice(i, open).trim();
    const close = matching(source, open);
    const body = source.slice(open + 1, close);
    if (prelude.startsWith('@')) {
      // An at-rule block (a11y themes' high-contrast query): its rules are scoped inside it.
      out.push(`${prelude} {\n${scopeCss(body, scope)}\n}`);
    } else if (prelude !== '') {
      const selectors = prelude.split(',').flatMap((s) => box(s.trim())).map((s) => `${scope} ${s}`);
      if (selectors.length > 0) out.push(`${selectors.join(',\n')} {${body}}`);
    }
    i = close + 1;
  }
  return out.join('\n');
}

/** A theme's selector as Folio's markup has it: `.hljs` is the <pre> around highlighted code; the code's own padding is dropped. */
function box(selector: string): string[] {
  if (selector === '.hljs') return ['pre:has(> code.hljs)'];
  if (selector === 'pre code.hljs' || selector === 'code.hljs') return [];
  return [selector];
}

/** The index of the `}` closing the `{` at `open`. */
function matching(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return i;
  }
  return source.length;
}
