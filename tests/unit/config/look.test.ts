import { describe, expect, it } from 'vitest';
import { codeThemes } from '../../../src/config/look.ts';
import { validateConfig } from '../../../src/config/schema.ts';

const messages = (config: Record<string, unknown>) => validateConfig({ title: 't', ...config }).map((p) => p.message);

describe('look and language keys in the config schema', () => {
  it('accepts a full example', () => {
    expect(
      messages({
        language: 'en-US',
        theme: { accent: { light: '#b00020', dark: 'oklch(70% 0.1 20)' }, fonts: { body: "'Inter', sans-serif", mono: 'monospace' }, width: '42rem', code: { light: 'github', dark: 'base16/nord' } },
        css: ['styles/site.css'],
        head: [
          { tag: 'meta', attrs: { name: 'google-site-verification', content: 'x' } },
          { tag: 'script', attrs: { src: 'https://stats.example.org/script.js', defer: true, 'data-site': 'x' } },
          { tag: 'link', attrs: { rel: 'me', href: 'https://mastodon.social/@x' } },
        ],
        footer: ['© 小明', [{ text: '京ICP备12345678号', href: 'https://beian.miit.gov.cn/' }, ' · ', { text: '关于', href: '/about/' }]],
        strings: { search: 'Find', markdown: { alerts: { note: 'N.B.' } }, postCount: (n: number) => `${n}` },
      }),
    ).toEqual([]);
  });

  it('refuses a language without a table, naming the ones there are', () => {
    expect(messages({ language: 'fr' })).toEqual(['language has no string table for "fr": use "zh-CN" or "en" (or zh, zh-Hans, en-US, en-GB, …), and give your own words with strings: { … }']);
    expect(messages({ language: 'Chinese (Simplified)' })[0]).toBe('language must be a language tag such as "zh-CN" or "en", got "Chinese (Simplified)"');
  });

  it('names an unknown or mistyped string at its key', () => {
    expect(messages({ strings: { serch: 'Find' } })).toEqual(['strings.serch unknown string (did you mean "search"?); see the Strings type of folio-ssg for every key']);
    expect(messages({ strings: { markdown: { alerts: { note: 3 } } } })).toEqual(['strings.markdown.alerts.note must be text, got 3']);
    expect(messages({ strings: { postCount: '3 posts' } })).toEqual(['strings.postCount must be a function (n) => text, such as (n) => `…`, got "3 posts"']);
  });

  it('refuses colours, fonts and widths that could end a CSS declaration', () => {
    expect(messages({ theme: { accent: 'red; background: url(x)' } })[0]).toMatch(/^theme\.accent /);
    expect(messages({ theme: { fonts: { body: 'x} body{display:none' } } })[0]).toMatch(/^theme\.fonts\.body must be a CSS font list/);
    expect(messages({ theme: { width: '100' } })).toEqual(['theme.width must be a CSS length in rem, em, ch or px, such as "42rem", got "100"']);
    expect(messages({ theme: { colour: 'red' } })[0]).toMatch(/^theme\.colour: unknown key/);
  });

  it('lists the highlight.js themes when a code theme is unknown', () => {
    const [message] = messages({ theme: { code: { dark: 'githb-dark' } } });
    expect(message).toMatch(/^theme\.code\.dark must be a highlight\.js theme \(did you mean "github-dark"\?\), got "githb-dark"; choices: /);
    expect(message).toContain('atom-one-dark');
    expect(codeThemes()).toContain('github');
    // Themes that load images next to them are not offered: their images are not bundled.
    expect(codeThemes()).not.toContain('pojoaque');
  });

  it('allows in <head> attributes only: no inline script, no handler, scripts by https URL', () => {
    expect(messages({ head: [{ tag: 'script', attrs: {}, children: 'alert(1)' }] })).toEqual([
      'head[0].children unknown key: an element here has attributes only (a script loads from src; pages allow no inline script); allowed: tag, attrs',
      'head[0].attrs.src must be the https URL of the script (pages allow no inline script, and public/ publishes no .js)',
    ]);
    expect(messages({ head: [{ tag: 'meta', attrs: { name: 'x', content: 'y', onload: 'alert(1)' } }] })).toEqual(['head[0].attrs.onload is an event handler: pages allow no inline script']);
    expect(messages({ head: [{ tag: 'script', attrs: { src: 'javascript:alert(1)' } }] })[0]).toMatch(/^head\[0\]\.attrs\.src must be the https URL/);
    expect(messages({ head: [{ tag: 'style', attrs: {} }] })).toEqual(['head[0].tag must be one of "meta", "link", "script", got "style"']);
  });

  it('takes footer lines as text and links, with safe addresses only', () => {
    expect(messages({ footer: [{ text: 'x', href: 'javascript:alert(1)' }] })).toEqual(['footer[0].href must be an http(s) URL, a mailto: address or a site path such as "/about/", got "javascript:alert(1)"']);
    expect(messages({ footer: [['a', 3]] })).toEqual(['footer[0][1] must be text, a link { text: "…", href: "https://…" }, or a list of them, got 3']);
    expect(messages({ footer: 'CC BY' })).toEqual(['footer must be a list such as ["本站内容采用 CC BY 4.0 许可"], got "CC BY"']);
  });
});
