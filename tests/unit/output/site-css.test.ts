import { describe, expect, it } from 'vitest';
import { codeThemes } from '../../../src/config/look.ts';
import { codeTheme, scopeCss, themeCss } from '../../../src/output/site-css.ts';

/** Every rule's selectors, top-level or inside an at-rule block. */
function selectors(css: string): string[] {
  return [...css.replace(/@media[^{]+\{/g, '').matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim())).filter(Boolean);
}

describe('theme CSS', () => {
  it('puts every rule of every offered highlight.js theme under the scheme, dropping no colour', () => {
    const scope = ":root[data-theme='dark']";
    for (const name of codeThemes()) {
      const source = codeTheme(name);
      const scoped = scopeCss(source, scope);
      const all = selectors(scoped);
      expect(all.length, name).toBeGreaterThan(3);
      for (const s of all) expect(s.startsWith(`${scope} `), `${name}: ${s}`).toBe(true);
      // Every colour of the theme is still there.
      for (const colour of new Set(source.replace(/\/\*[\s\S]*?\*\//g, '').match(/#[0-9a-f]{3,8}\b/gi) ?? [])) expect(scoped, `${name} ${colour}`).toContain(colour);
      // The theme's own box (padding of code.hljs) goes; its colours land on Folio's <pre>.
      expect(all.some((s) => s.endsWith(' pre code.hljs') || s.endsWith(' code.hljs'))).toBe(false);
    }
  });

  it('wraps a scope that opens with a media query in that query', () => {
    const css = scopeCss('.hljs { color: red }', "@media (prefers-color-scheme: dark) { :root:not([data-theme='light'])");
    expect(css.replace(/\s+/g, ' ')).toBe("@media (prefers-color-scheme: dark) { :root:not([data-theme='light']) pre:has(> code.hljs) { color: red } }");
  });

  it('writes tokens as custom properties, the dark accent where style.css sets its dark colours', () => {
    const css = themeCss({ accent: { light: '#b00020', dark: '#ff8a80' }, fonts: { mono: "'Courier New', monospace" }, width: '30rem' });
    expect(css).toContain(':root {\n  --font-mono: \'Courier New\', monospace;\n  --accent: #b00020;\n}');
    expect(css).toContain(":root[data-theme='dark'] {\n  --accent: #ff8a80;\n}");
    expect(css).toContain("@media (prefers-color-scheme: dark) {\n:root:not([data-theme='light']) {\n  --accent: #ff8a80;\n}\n}");
    expect(css).toContain('.site-main {\n  --measure: 30rem;\n}');
    expect(themeCss(undefined)).toBe('');
  });
});
