import { describe, expect, it } from 'vitest';
import { renderBody } from '../../helpers/render.ts';

describe('links keep what the author wrote', () => {
  it('a root-relative link keeps its query string (and fragment), under the base', () => {
    expect(renderBody('[搜索](/search/?q=MAE)').html).toBe('<p><a href="/search/?q=MAE">搜索</a></p>');
    expect(renderBody('[搜索](/search/?q=MAE&tag=自监督#结果)').html).toContain('href="/search/?q=MAE&#x26;tag=%E8%87%AA%E7%9B%91%E7%9D%A3#%E7%BB%93%E6%9E%9C"');
  });

  it('a link to a post keeps its query too', () => {
    expect(renderBody('[MAE](./mae.md?v=2#方法)', { 'posts/mae.md': '/posts/mae/' }).html).toContain('href="/posts/mae/?v=2#%E6%96%B9%E6%B3%95"');
  });
});
