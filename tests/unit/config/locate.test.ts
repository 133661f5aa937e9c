import { describe, expect, it } from 'vitest';
import { lineOfKey } from '../../../src/config/locate.ts';

describe('lineOfKey', () => {
  const source = `import { defineConfig } from 'folio-ssg';

// title: in a comment is not the key
const nav = { title: 'x' };
export default defineConfig({
  nav: [
    { title: '首页', path: '/' },
    {
      title: '关于 {not a brace}',
      path: '/about/',
    },
  ],
  "title": 'a, b: c',
  author: { name: '小明', url: 'https://example.org' },
  url: 'https://example.org',
});
`;

  it('finds top-level keys of the exported object, not same-named keys inside values or comments', () => {
    expect(lineOfKey(source, ['title'])).toBe(13);
    expect(lineOfKey(source, ['url'])).toBe(15);
    expect(lineOfKey(source, ['nav'])).toBe(6);
  });

  it('follows nested objects and list items, skipping brackets inside strings', () => {
    expect(lineOfKey(source, ['author', 'url'])).toBe(14);
    expect(lineOfKey(source, ['nav', 0, 'path'])).toBe(7);
    expect(lineOfKey(source, ['nav', 1])).toBe(8);
    expect(lineOfKey(source, ['nav', 1, 'path'])).toBe(10);
  });

  it('falls back to where the key is first written when the exported object does not show it', () => {
    expect(lineOfKey("const config = {\n  perPage: 0,\n};\nexport default config;\n", ['perPage'])).toBe(2);
    expect(lineOfKey('export default {};\n', ['timeZone'])).toBeUndefined();
  });
});
