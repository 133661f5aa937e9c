import { describe, expect, it } from 'vitest';
import { isRelevant, matchedWords } from '../../../templates/client/search-relevance.ts';

describe('search relevance', () => {
  it('keeps Chinese matches split into single characters', () => {
    expect(isRelevant('掩码', ['掩', '码'])).toBe(true);
    expect(isRelevant('可变形', ['可变'])).toBe(true);
    expect(isRelevant('动量', ['动量'])).toBe(true);
  });

  it('keeps exact and near English matches, case-insensitively', () => {
    expect(isRelevant('InfoNCE', ['infonce'])).toBe(true);
    expect(isRelevant('torchrn', ['torch'])).toBe(true);
  });

  it('drops the one-letter prefixes Pagefind falls back to for unknown words', () => {
    expect(isRelevant('qzxjvw', ['q', 'q'])).toBe(false);
    expect(isRelevant('asdfghjkl', ['as'])).toBe(false);
    expect(isRelevant('zzzzzz', ['z'])).toBe(false);
    expect(isRelevant('量子纠缠猫咪', ['量'])).toBe(false);
    expect(isRelevant('anything', [])).toBe(false);
  });

  it('reads matched words from zero-width-space and whitespace separated content', () => {
    expect(matchedWords('MAE\u200B：\u200B掩\u200B码', [0, 3])).toEqual(['MAE', '码']);
    expect(matchedWords('start with torchrun now', [2])).toEqual(['torchrun']);
  });
});
