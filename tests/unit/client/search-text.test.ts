import { describe, expect, it } from 'vitest';
import { excerpt, highlightTerms, plainContent, rankByTitle, sentences } from '../../../templates/client/search-text.ts';

// Pagefind's raw content for a post: words joined by zero-width spaces, the title first, a ". "
// after each block that ends without punctuation (here the title and a heading).
const RAW = [
  'MAE', '：', '掩', '码', '自', '编码', '器', '. ',
  'MAE', '（', 'Masked ', 'Autoencoders', '）', '的', '做法', '：', '随机', '遮住', '图像', '中的', '大部分 ', 'patch', '。',
  '非', '对称', '的', '编码', '器', '—', '解码', '器', '结构', '。',
  '掩码', '语言', '模型', '. ',
  '掩码', '语言', '模型', '在', '每条', '句子', '里', '遮住', '一部分', '词', '。',
].join('\u200B');
const TITLE = 'MAE：掩码自编码器';

describe('search result text', () => {
  const text = plainContent(RAW, TITLE);

  it('leaves the title out of the text', () => {
    expect(text.startsWith('MAE（Masked')).toBe(true);
  });

  it('splits sentences at Chinese punctuation and drops the periods Pagefind adds after blocks', () => {
    expect(sentences(text).map((s) => s.text)).toEqual([
      'MAE（Masked Autoencoders）的做法：随机遮住图像中的大部分 patch。',
      '非对称的编码器—解码器结构。',
      '掩码语言模型',
      '掩码语言模型在每条句子里遮住一部分词。',
    ]);
  });

  it('highlights the query, never a word that merely shares a character with it', () => {
    expect(highlightTerms('掩码', text)).toEqual(['掩码']);
    const parts = excerpt(text, highlightTerms('掩码', text));
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['掩码', '掩码']);
    // A heading leads into the sentence under it, joined as Chinese is, not with ". ".
    expect(parts.map((p) => p.text).join('')).toBe('掩码语言模型：掩码语言模型在每条句子里遮住一部分词。');
  });

  it('starts at the first sentence holding the query and cuts a long one at a clause', () => {
    expect(excerpt(text, ['编码器']).map((p) => p.text).join('')).toBe('非对称的编码器—解码器结构。');
    const long = `${'前言，'.repeat(30)}这里提到掩码，${'后文，'.repeat(40)}结束。`;
    const cut = excerpt(long, ['掩码']).map((p) => p.text).join('');
    expect(cut).toMatch(/^…/);
    expect(cut).toMatch(/…$/);
    expect(cut).toContain('掩码');
    expect([...cut].length).toBeLessThanOrEqual(112);
  });

  it('ranks titles holding the query first, the closest title first among them', () => {
    const titles = ['BERT 与自监督预训练', 'BERT 能用在视觉上吗：从 ViT 到掩码图像建模', 'MoCo：动量对比', 'MAE：掩码自编码器'];
    expect(rankByTitle('掩码', titles, (t) => t)).toEqual(['MAE：掩码自编码器', 'BERT 能用在视觉上吗：从 ViT 到掩码图像建模', 'BERT 与自监督预训练', 'MoCo：动量对比']);
  });
});
