import { describe, expect, it } from 'vitest';
import { renderBody, where } from '../../helpers/render.ts';

describe('Liquid/Hexo tags left in a post', () => {
  it('each is a warning at its line and column that names the tag', () => {
    const r = renderBody('前文\n\n{% asset_img mae.png 架构图 %}\n\n> 引用里 {%- note info %}\n\n- 列表 **粗** {% endnote %}');
    expect(where(r)).toEqual(['3:1 warning markdown/liquid-tag', '5:7 warning markdown/liquid-tag', '7:12 warning markdown/liquid-tag']);
    expect(r.diagnostics.map((d) => /\{% (\w+)/.exec(d.message)?.[1])).toEqual(['asset_img', 'note', 'endnote']);
    // Shown as written: nothing removed.
    expect(r.html).toContain('{% asset_img mae.png 架构图 %}');
  });

  it('code, inline code and math keep `{%` without a warning', () => {
    const r = renderBody('`{% raw %}`\n\n```\n{% codeblock %}\n```\n\n$\\{%\\}$');
    expect(r.diagnostics).toEqual([]);
  });
});

describe('liquidTags, the one tag scanner (Markdown warning and Hexo importer)', () => {
  it('finds closed tags with their arguments and extent, and openings never closed', async () => {
    const { liquidTags } = await import('../../../src/markdown/liquid-tags.ts');
    const text = 'a {% note info -%} b {%- endnote %} c {% post_link x {% y %} d {% open';
    expect([...liquidTags(text)].map((t) => [t.name, t.args, t.raw, t.closed, text.slice(t.start, t.end) === t.raw])).toEqual([
      ['note', ' info ', '{% note info -%}', true, true],
      ['endnote', ' ', '{%- endnote %}', true, true],
      ['post_link', ' x {% y ', '{% post_link x {% y %}', true, true],
      ['open', '', '{% open', false, true],
    ]);
  });
});
