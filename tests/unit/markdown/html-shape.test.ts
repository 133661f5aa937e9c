import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../../src/markdown/processor.ts';
import { renderDocument } from '../../../src/markdown/render.ts';

const processor = createProcessor({ math: { failOn: 'error' } });
const render = (body: string) =>
  renderDocument(processor, { rel: 'posts/a.md', displayPath: 'a.md', body, sitePath: '/posts/a/', docPaths: {}, contentDir: '/nonexistent', base: '/' }).html;
/** What a browser builds from the HTML, serialized again. */
const reparsed = (html: string) => toHtml(fromHtml(html, { fragment: true }));

describe('raw HTML gets the shape a browser gives it', () => {
  it('a block element left inside a paragraph by sanitising splits it, so the page re-parses to the same tree', () => {
    // <math> and <mtext> are removed, which would leave a table inside the paragraph.
    const html = render('段落 <math><mtext><table><tr><td>格</td></tr></table></mtext></math> 尾');
    expect(html).toBe('<p>段落 </p><table><tbody><tr><td>格</td></tr></tbody></table><p> 尾</p>');
    expect(reparsed(html)).toBe(html);
  });

  it('a heading written around a block is split around it', () => {
    const html = render('## 标题 <div>块</div> 尾');
    expect(html.replace(/<a class="heading-anchor"[^>]*>#<\/a>/g, '')).toBe('<h2 id="标题-">标题 </h2><div>块</div><h2 id="-尾"> 尾</h2>');
    expect(reparsed(html)).toBe(html);
  });

  it('an image whose URL was removed becomes its alt text; a stray <source> goes', () => {
    expect(render('![示意图](javascript:alert(1))')).toBe('<p>示意图</p>');
    expect(render('<video><source src="a.mp4"></video>文字')).toBe('<p>文字</p>');
    expect(render('<picture><source srcset="a.png"><img src="https://example.org/a.png" alt="图"></picture>')).toContain('<source');
  });
});
