import { describe, expect, it } from 'vitest';
import { renderBody, where } from '../../helpers/render.ts';

describe('what the sanitiser removes is reported at its line', () => {
  it('<center>, <font color> and <img style="zoom:50%">: removed with a warning each, text and image kept', () => {
    const r = renderBody('第一行\n\n<center>居中的字</center>\n\n这是<font color="red">红字</font>。\n\n<img src="https://example.org/a.png" alt="图" style="zoom:50%">');
    expect(r.html).toContain('居中的字');
    expect(r.html).toContain('<p>这是红字。</p>');
    expect(r.html).toContain('<img src="https://example.org/a.png" alt="图"');
    expect(where(r)).toEqual(['3:1 warning html/removed', '5:3 warning html/removed', '7:1 warning html/removed']);
    const [center, font, img] = r.diagnostics.map((d) => d.message);
    expect(center).toContain('<center> is not allowed');
    expect(font).toContain('<font> (color="red")');
    expect(img).toContain('style="zoom:50%"');
    expect(img).toContain('width=');
  });

  it('a link with a script URL loses its URL, with a warning, in Markdown as in HTML', () => {
    const r = renderBody('[点我](javascript:alert(1))\n\n<a href="javascript:alert(2)">也点我</a>');
    expect(r.html).not.toContain('javascript');
    expect(where(r)).toEqual(['1:1 warning html/removed', '3:1 warning html/removed']);
  });

  it('an inline <svg> is one warning that names what went inside it and how to keep the drawing', () => {
    const r = renderBody('图：\n\n<svg width="10"><g><path d="M0"/><path d="M1"/></g><text>标注</text></svg>');
    expect(r.html).toContain('标注');
    expect(where(r)).toEqual(['3:1 warning html/removed']);
    expect(r.diagnostics[0]!.message).toMatch(/<svg> .*\.svg file beside the post.*so are the <g>, <path>, <text> inside it/);
  });

  it('Markdown and allowed HTML produce no report (footnotes, task lists, tables, math, details)', () => {
    const body = [
      '# 标题',
      '正文[^1]，`代码`，$x^2$，~~删除~~，<kbd>Ctrl</kbd>，<sup>1</sup>。',
      '- [x] 完成\n- [ ] 未完成',
      '| a | b |\n|:-|-:|\n| 1 | 2 |',
      '<details><summary>摘要</summary>\n\n内容\n\n</details>',
      '<div align="center"><img src="https://example.org/a.png" alt="图" width="300"></div>',
      '```js\nlet a = 1;\n```',
      '$$\nE = mc^2\n$$',
      '[^1]: 脚注。',
    ].join('\n\n');
    const r = renderBody(body);
    expect(r.diagnostics).toEqual([]);
  });
});
