// `folio dev` on an empty cache answers a post page by rendering that post and the few documents
// whose sources link to it, not the whole site: its backlinks and related posts are the build's,
// and the rest of the site is rendered afterwards, in the background. A link only a site's remark
// plugin makes is not in any source: once the background rendering has seen it, the page reloads
// and shows it too.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledCli, startDev, type RunningDev } from '../helpers/dev.ts';
import { folio, makeProject, post, read, removeProject } from '../helpers/fixture.ts';

/** `@@slug` becomes a link to that post's source, positioned like the text it replaces. */
const CONFIG = `function remarkMentions() {
  const walk = (node) => {
    if (!node.children) return;
    node.children = node.children.flatMap((child) => {
      if (child.type !== 'text' || !child.value.includes('@@')) {
        walk(child);
        return [child];
      }
      return child.value
        .split(/(@@[a-z0-9-]+)/)
        .filter(Boolean)
        .map((part) =>
          part.startsWith('@@')
            ? { type: 'link', url: './' + part.slice(2) + '.md', children: [{ type: 'text', value: part.slice(2) }], position: child.position }
            : { type: 'text', value: part, position: child.position },
        );
    });
  };
  return (tree) => walk(tree);
}

export default { title: '反链测试', markdown: { remarkPlugins: [remarkMentions] } };
`;

const filler = (i: number) =>
  `第 ${i} 篇笔记：对比学习的损失 $\\mathcal{L}_{${i}} = -\\log \\frac{\\exp(q \\cdot k_+ / \\tau)}{\\sum_{i=0}^{K} \\exp(q \\cdot k_i / \\tau)}$ 把正样本拉近。\n\n` +
  '```python\nimport torch\ndef loss(q, k, tau=0.07):\n    return torch.nn.functional.cross_entropy(q @ k.T / tau, torch.arange(len(q)))\n```\n';

const FILLERS = 40;

const files: Record<string, string> = {
  'site.config.ts': CONFIG,
  'content/posts/hub.md': post({ title: '枢纽', date: '2025-03-01', tags: '[稀有标签, 对比学习]', category: '笔记' }, '枢纽文章的正文。\n\n## 小节\n\n小节的内容。'),
  // Every way a source can link to hub.md, each one a backlink in the build.
  'content/posts/a-wiki.md': post({ title: '按标题的维基链接', date: '2025-02-01', tags: '[对比学习]' }, '先读[[枢纽]]再往下看。第二句与链接无关。'),
  'content/posts/b-md.md': post({ title: '带小节的 Markdown 链接', date: '2025-02-02' }, '详见[这一节](./hub.md#小节)的推导。'),
  'content/posts/deep/c-ref.md': post({ title: '引用式链接', date: '2025-02-03' }, '一篇[枢纽文章][h]值得一读。\n\n[h]: <../hub.md>'),
  'content/posts/d-html.md': post({ title: 'HTML 链接', date: '2025-02-04' }, '这里用 <a href="./hub.md">HTML 写的链接</a> 指过去。'),
  'content/posts/e-alias.md': post({ title: '按 slug 的别名链接', date: '2025-02-05' }, '第一次提到[[hub|那篇文章]]。\n\n第二次提到[[hub#小节]]，换了一个句子。'),
  // Looks like links to the scan, but they are code: not backlinks.
  'content/posts/f-code.md': post({ title: '代码里的链接', date: '2025-02-06' }, '```markdown\n[[枢纽]] 和 [链接](./hub.md)\n```'),
  // Only the site's remark plugin makes this link: nothing in the source shows it.
  'content/posts/g-plugin.md': post({ title: '插件做的链接', date: '2025-02-07' }, '插件把 @@hub 变成链接。'),
  'content/pages/about.md': post({ title: '关于' }, '本站从[[枢纽]]开始。'),
};
for (let i = 0; i < FILLERS; i++) {
  const tags = i % 8 === 0 ? '[稀有标签, 对比学习]' : i % 2 === 0 ? '[对比学习]' : '[其他]';
  files[`content/posts/filler/note-${String(i).padStart(2, '0')}.md`] = post({ title: `笔记 ${i}`, date: `2024-${String((i % 12) + 1).padStart(2, '0')}-10`, tags, category: i % 3 === 0 ? '笔记' : '杂记' }, filler(i));
}
const DOCUMENTS = Object.keys(files).filter((f) => f.endsWith('.md')).length;
/** What the hub page needs: itself and the documents whose sources link to it (f-code.md's only seem to). */
const HUB_NEEDS = ['hub', 'a-wiki', 'b-md', 'c-ref', 'd-html', 'e-alias', 'f-code', 'about'].length;

const section = (html: string, name: string) => new RegExp(`<section class="${name}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
const backlinkItems = (html: string) => section(html, 'backlinks').match(/<li class="backlink">[\s\S]*?<\/li>/g) ?? [];

describe('folio dev: a post page on an empty cache', () => {
  let project: string;
  let cli: Awaited<ReturnType<typeof compiledCli>>;
  let dev: RunningDev;
  let built: string;
  let first: string;
  const get = async (p: string) => (await fetch(new URL(p, dev.url))).text();

  beforeAll(async () => {
    project = makeProject(files);
    const build = folio(project, 'build', '--no-search');
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    built = read(project, 'dist/posts/hub/index.html');
    // The dev server starts with no cache: what the build rendered is not there to reuse.
    rmSync(path.join(project, '.cache'), { recursive: true, force: true });
    cli = await compiledCli();
    dev = await startDev(project, { bin: cli.bin });
    first = await get('posts/hub/');
  }, 120_000);
  afterAll(async () => {
    await dev?.stop();
    cli?.remove();
    if (project) removeProject(project);
  });

  it('shows the build\'s backlinks and related posts, and is answered before the rest of the site is rendered', async () => {
    // The build's page links to hub from every source form, and from the plugin's link.
    const expected = backlinkItems(built);
    expect(expected).toHaveLength(7);
    expect(expected.join('\n')).toContain('先读枢纽再往下看。');
    expect(expected.join('\n')).not.toContain('/posts/f-code/');
    const fromSources = expected.filter((li) => !li.includes('/posts/g-plugin/'));
    expect(fromSources).toHaveLength(6);
    // Same entries, same order, same sentences as the build, from the sources alone.
    expect(backlinkItems(first)).toEqual(fromSources);
    expect(section(first, 'related')).toContain('笔记 0');
    expect(section(first, 'related')).toBe(section(built, 'related'));
    // Rendering the rest afterwards: every other document is rendered in the background.
    await expect.poll(() => dev.output(), { timeout: 60_000 }).toMatch(/(\d+) documents rendered in the background/);
    const background = Number(/(\d+) documents rendered in the background/.exec(dev.output())![1]);
    expect(background).toBe(DOCUMENTS - HUB_NEEDS);
  });

  it('reloads the page once background rendering finds a link only a plugin makes, and then shows the build\'s backlinks', async () => {
    await expect.poll(() => dev.output(), { timeout: 60_000 }).toContain('backlinks of /posts/hub/ include links made while rendering (not written in the source): reloading');
    const again = await get('posts/hub/');
    expect(backlinkItems(again)).toEqual(backlinkItems(built));
    expect(section(again, 'backlinks')).toBe(section(built, 'backlinks'));
    expect(section(again, 'related')).toBe(section(built, 'related'));
  });
});
