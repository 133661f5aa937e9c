import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { lazyDocs } from '../../../src/dev/lazy-docs.ts';
import { createProcessor } from '../../../src/markdown/processor.ts';
import { renderDocument, type Rendered } from '../../../src/markdown/render.ts';
import { collectSite } from '../../../src/site/collect.ts';
import { toDocs } from '../../../src/site/docs.ts';
import { resolveConfig } from '../../../src/config.ts';
import { basicSite } from '../../fixtures/basic.ts';
import { makeProject, removeProject } from '../../helpers/fixture.ts';

describe('lazyDocs', () => {
  const project = makeProject(basicSite);
  afterAll(() => removeProject(project));
  const contentDir = path.join(project, 'content');
  const loaded = loadContent({ contentDir, timeZone: 'Asia/Shanghai', drafts: false, display: (a) => a });
  const processor = createProcessor({ math: { failOn: 'warning' } });
  const docPaths = Object.fromEntries(loaded.docs.map((d) => [d.rel, d.path]));
  const rendered = new Map<string, Rendered>();
  const renders: string[] = [];
  const docs = lazyDocs(toDocs, loaded.docs, {
    render: (rel) => {
      let r = rendered.get(rel);
      if (!r) {
        renders.push(rel);
        const d = loaded.docs.find((x) => x.rel === rel)!;
        r = renderDocument(processor, { rel, displayPath: d.file, body: d.body, sitePath: d.path, docPaths, contentDir, base: '/' });
        rendered.set(rel, r);
      }
      return r;
    },
    peek: (rel) => rendered.get(rel),
  });
  const site = collectSite(resolveConfig({}), docs);

  it('builds the site from frontmatter alone', () => {
    expect(site.posts.map((p) => p.title)).toEqual(['PyTorch DDP 快速上手', 'MAE：掩码自编码器', 'BERT 与自监督预训练']);
    expect(site.tags.map((g) => g.term.name)).toContain('自监督学习');
    expect(renders).toEqual([]);
  });

  it('renders a document when a rendered field is read, once', () => {
    const mae = site.posts.find((p) => p.slug === 'mae')!;
    expect(mae.assets).toEqual([]);
    expect(mae.html).toContain('class="katex"');
    expect(mae.toc.map((t) => t.text)).toEqual(['损失函数']);
    expect(mae.summary).toBe('MAE 随机遮住 75% 的 patch，再重建它们。');
    expect(renders).toEqual(['posts/ssl/mae.md']);
    // Once rendered, its files are listed.
    expect(mae.assets.map((a) => a.path)).toEqual(['/posts/mae/mae.svg']);
  });
});
