import { describe, expect, it } from 'vitest';
import { searchInput } from '../../../src/output/search-input.ts';

const page = `<!doctype html><html lang="zh-CN"><head><title>T - 站点</title></head><body>
<header class="site-header"><nav><a href="/">首页</a></nav></header>
<main><article><header><h1 class="post-title" data-pagefind-body data-pagefind-meta="title">MAE：掩码 &amp; 自编码器</h1><p>2025-07-26</p></header>
<div class="post-body" data-pagefind-body><h2 id="a">损失<a class="heading-anchor" href="#a">#</a></h2>
<p>遮住 <span class="katex"><span class="katex-mathml">x&lt;y</span><span class="katex-html">x<span>&lt;</span>y</span></span> 的 patch。<img src="a.svg" alt="图"><br>下一行 &lt;tag&gt;</p></div>
<section class="related"><h2>相关文章</h2></section></article></main><footer>© 作者</footer></body></html>`;

describe('searchInput', () => {
  const out = searchInput(page, { excludeClasses: ['katex', 'heading-anchor'] });

  it('keeps the language and exactly the data-pagefind-body elements', () => {
    expect(out).toBe(
      '<!doctype html><html lang="zh-CN"><body>' +
        '<h1 class="post-title" data-pagefind-body data-pagefind-meta="title">MAE：掩码 &amp; 自编码器</h1>' +
        '<div class="post-body" data-pagefind-body><h2 id="a">损失</h2>\n' +
        '<p>遮住  的 patch。<img src="a.svg" alt="图"><br>下一行 &lt;tag&gt;</p></div>' +
        '</body></html>',
    );
  });

  it('leaves out navigation, footer, asides and the excluded subtrees', () => {
    for (const gone of ['首页', '© 作者', '相关文章', 'katex', 'x&lt;y', '#</a>', '2025-07-26']) expect(out).not.toContain(gone);
  });
});
