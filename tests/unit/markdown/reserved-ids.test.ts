import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../../src/markdown/processor.ts';
import { renderDocument } from '../../../src/markdown/render.ts';

const processor = createProcessor({ math: { failOn: 'error' } });
const render = (body: string) =>
  renderDocument(processor, { rel: 'posts/a.md', displayPath: 'a.md', body, sitePath: '/posts/a/', docPaths: {}, contentDir: '/nonexistent', base: '/' });

describe('content cannot take the ids or names our pages rely on', () => {
  it('a heading or raw HTML id equal to a template id gets a suffix, and links to it follow', () => {
    const r = render('## main\n\n## toc-title\n\n<div id="search-results">x</div>\n\n## main-1\n\n[跳](#main-2)');
    expect(r.headingIds).toEqual(expect.arrayContaining(['main-2', 'toc-title-1', 'search-results-1', 'main-1']));
    expect(r.html).not.toMatch(/id="(main|toc-title|search-results)"/);
    expect(r.toc.map((e) => e.id)).toEqual(['main-2', 'toc-title-1', 'main-1']);
  });

  it('name survives on link anchors only (no DOM clobbering of document properties)', () => {
    const r = render('<img src="https://example.org/a.png" alt="图" name="getElementById"> <a name="旧锚点">x</a>');
    expect(r.html).not.toContain('name="getElementById"');
    expect(r.html).toContain('name="旧锚点"');
  });
});
