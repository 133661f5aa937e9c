import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/schema.ts';

describe('plugins in the config', () => {
  it('takes a plugin with a name, routes and post asides', () => {
    const papers = { name: 'papers', *routes() {}, postAsides: { data: () => null, render: () => [] } };
    expect(validateConfig({ title: 'x', plugins: [papers] })).toEqual([]);
  });

  it('names the plugin field that is wrong, and the one that is unknown', () => {
    const messages = validateConfig({ title: 'x', plugins: [{ name: 'papers', routes: '/papers/' }, { name: '', route: () => [] }] }).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^plugins\[0\]\.routes must be a function \(site, env\) => pages, .* got "\/papers\/"$/),
        expect.stringMatching(/^plugins\[1\]\.name must be non-empty text/),
        expect.stringMatching(/^plugins\[1\]\.route: unknown key \(did you mean "routes"\?\)/),
      ]),
    );
    expect(validateConfig({ title: 'x', plugins: { name: 'papers' } }).map((p) => p.message)).toEqual(['plugins must be a list of plugins such as [{ name: "papers", routes }] or [{ name: "my-plugin", remarkPlugins: [remarkFoo] }], got an object']);
  });
});
