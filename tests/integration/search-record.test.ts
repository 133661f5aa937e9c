import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { searchInput, searchRecord } from '../../src/output/search-input.ts';

// Pages shaped like Folio's post pages, with what makes Pagefind's reading of HTML subtle:
// entities, headings (weights and anchors), images, line breaks, lists, tables, footnotes,
// code, formulas and heading anchors (excluded), text outside the indexed parts.
const layout = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>${title} - 站点</title></head><body><header><nav><a href="/">首页</a></nav></header>` +
  `<main><article><header><h1 class="post-title" data-pagefind-body data-pagefind-meta="title" data-pagefind-weight="5">${title}</h1><p>2025-07-26</p></header>` +
  `<div class="post-body" data-pagefind-body>${body}</div><section class="related"><h2>相关文章</h2><p>别的</p></section></article></main><footer>© 作者</footer></body></html>`;

const PAGES: Record<string, string> = {
  '/posts/mae/': layout(
    'MAE：掩码 &amp; 自编码器 &lt;v2&gt;',
    '<p>遮住 75% 的 patch，再重建像素。</p>\n<h2 id="损失函数">损失函数<a class="heading-anchor" href="#损失函数">#</a></h2>\n' +
      '<p>损失只算在被遮住的块上 <span class="katex"><span class="katex-mathml">x&lt;y</span><span class="katex-html">x<span>&lt;</span>y</span></span> 这样。<img src="/a.svg" alt="结构图"><br>下一行 &lt;tag&gt; "quoted"</p>\n' +
      '<ul>\n<li>编码器只看可见块</li>\n<li>解码器很轻 <code>decoder_depth=8</code></li>\n</ul>\n' +
      '<table><thead><tr><th>模型</th><th>精度</th></tr></thead><tbody><tr><td>ViT-B</td><td>83.6</td></tr></tbody></table>\n' +
      '<pre><code class="language-python"><span class="hljs-keyword">import</span> torch\nx = torch.randn(2, 3)  # (B, N)\n</code></pre>\n' +
      '<h3 id="小结">小结 $h_t$</h3><blockquote><p>引用一句话</p></blockquote>\n' +
      '<section data-footnotes class="footnotes"><h2 id="footnote-label" class="sr-only">脚注</h2><ol><li id="fn-1"><p>He et al., 2021 <a href="#fnref-1" aria-label="返回引用 1">↩</a></p></li></ol></section>',
  ),
  '/posts/moco/': layout('MoCo 动量对比', '<p>Momentum Contrast builds a queue of keys</p><p><strong>队列</strong>长度 65536；温度 τ=0.07?</p><p><em>empty end</em> )</p>'),
  '/posts/empty-title/': layout('  ', '<p>没有标题的文章也要能搜到。</p><div><div>嵌套<span>的</span>块</div></div>'),
};

const EXCLUDE = ['katex', 'heading-anchor'];
const dirs: string[] = [];
afterAll(async () => {
  await close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function bundle(add: (index: NonNullable<Awaited<ReturnType<typeof createIndex>>['index']>) => Promise<void>) {
  const { index } = await createIndex({ excludeSelectors: EXCLUDE.map((c) => `.${c}`) });
  await add(index!);
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-search-record-'));
  dirs.push(dir);
  await index!.writeFiles({ outputPath: dir });
  await index!.deleteIndex();
  const decode = (file: string) => gunzipSync(readFileSync(file)).subarray(12).toString();
  const fragments = readdirSync(path.join(dir, 'fragment')).map((f) => {
    const data = JSON.parse(decode(path.join(dir, 'fragment', f))) as { url: string; anchors: { text?: string }[] };
    // Anchor texts are not carried by records (the site shows no sub-results); all else is.
    for (const a of data.anchors) a.text = '';
    return data;
  });
  fragments.sort((a, b) => (a.url < b.url ? -1 : 1));
  const words = readdirSync(path.join(dir, 'index')).sort().map((f) => gunzipSync(readFileSync(path.join(dir, 'index', f))).toString('base64'));
  return { fragments, words };
}

describe('search records', () => {
  it('give Pagefind the same words, weights, excerpts and titles as the page HTML does', async () => {
    const fromHtml = await bundle(async (index) => {
      for (const [url, html] of Object.entries(PAGES)) expect((await index.addHTMLFile({ url, content: searchInput(html, { excludeClasses: EXCLUDE }) })).errors).toEqual([]);
    });
    const fromRecords = await bundle(async (index) => {
      for (const [url, html] of Object.entries(PAGES)) {
        const record = searchRecord(html, { excludeClasses: EXCLUDE });
        expect(record).toBeDefined();
        expect((await index.addCustomRecord({ url, ...record! })).errors).toEqual([]);
      }
    });
    expect(fromRecords.fragments).toEqual(fromHtml.fragments);
    expect(fromRecords.words).toEqual(fromHtml.words);
    // And what they hold is what a reader sees: the title, the text, no formula markup or nav.
    const mae = fromRecords.fragments.find((f) => f.url === '/posts/mae/') as unknown as { content: string; meta: Record<string, string> };
    expect(mae.meta.title).toContain('MAE');
    expect(mae.content.replace(/\u200B/g, '')).toContain('遮住');
    expect(mae.content).not.toContain('首页');
    expect(mae.content).not.toContain('x<y');
  }, 60_000);

  it('leave pages with Pagefind attributes they do not reproduce to the HTML path', () => {
    expect(searchRecord(layout('T', '<p data-pagefind-filter="tag:x">正文</p>'), { excludeClasses: EXCLUDE })).toBeUndefined();
    expect(searchRecord(layout('T', '<p data-pagefind-ignore>正文</p>'), { excludeClasses: EXCLUDE })).toBeUndefined();
  });
});
