import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, fillLabel } from '../../../src/markdown/labels.ts';
import { clientStrings, markdownLabels, resolveStrings, searchStrings, SLOT, tableFor, TABLES } from '../../../src/config/strings.ts';

/** Every entry of a table by its path (`markdown.alerts.note`): 'text', an arity, or a nested object's entries. */
function shapeOf(table: Record<string, unknown>, at = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(table)) {
    const where = at ? `${at}.${key}` : key;
    if (typeof value === 'string') out[where] = 'text';
    else if (typeof value === 'function') out[where] = `function of ${value.length}`;
    else if (typeof value === 'object' && value !== null) Object.assign(out, shapeOf(value as Record<string, unknown>, where));
    else out[where] = typeof value;
  }
  return out;
}

const HAN = /\p{Script=Han}/u;

describe('string tables', () => {
  const zh = TABLES['zh-CN'] as unknown as Record<string, unknown>;
  const en = TABLES.en as unknown as Record<string, unknown>;

  it('have the same keys, each text in both or a function of the same number of arguments in both', () => {
    const zhShape = shapeOf(zh);
    expect(Object.keys(zhShape).length).toBeGreaterThan(80);
    expect(shapeOf(en)).toEqual(zhShape);
  });

  it('leave no entry empty, and the English table holds no Chinese (functions called with sample arguments)', () => {
    const samples = (fn: (...a: unknown[]) => unknown) => fn(...Array.from({ length: fn.length }, (_, i) => (i === 0 ? 3 : 7)));
    const texts = (table: Record<string, unknown>): string[] =>
      Object.values(table).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'function' ? [String(samples(v as (...a: unknown[]) => unknown))] : texts(v as Record<string, unknown>)));
    for (const t of [...texts(zh), ...texts(en)]) expect(t.trim()).not.toBe('');
    expect(texts(en).filter((t) => HAN.test(t))).toEqual([]);
    // The Chinese table is Chinese: its navigation and search say so.
    expect(TABLES['zh-CN'].search).toBe('搜索');
  });

  it('counts in each language: one post, two posts', () => {
    expect(TABLES.en.postCount(1)).toBe('1 post');
    expect(TABLES.en.postCount(2)).toBe('2 posts');
    expect(TABLES.en.readingTime(4)).toBe('4 min read');
    expect(TABLES.en.date(2025, 7, 6)).toBe('6 July 2025');
    expect(TABLES['zh-CN'].date(2025, 7, 6)).toBe('2025-07-06');
  });

  it('selects a table by language tag, with the usual variants', () => {
    for (const tag of ['en', 'en-US', 'en-GB', 'EN-us']) expect(tableFor(tag)).toBe('en');
    for (const tag of ['zh-CN', 'zh', 'zh-Hans', 'zh-cn']) expect(tableFor(tag)).toBe('zh-CN');
    expect(tableFor('fr')).toBeUndefined();
    expect(resolveStrings('en-GB').search).toBe('Search');
  });

  it('lays overrides over the table at any depth, keeping the rest', () => {
    const s = resolveStrings('en', { search: 'Find', markdown: { alerts: { note: 'N.B.' } }, readingTime: (m) => `${m}′` });
    expect(s.search).toBe('Find');
    expect(s.markdown.alerts.note).toBe('N.B.');
    expect(s.markdown.alerts.tip).toBe('Tip');
    expect(s.markdown.footnotes).toBe('Footnotes');
    expect(s.readingTime(3)).toBe('3′');
    expect(TABLES.en.search).toBe('Search');
  });

  it('hands the renderer and the browser text with a slot for each value', () => {
    expect(markdownLabels(TABLES['zh-CN'])).toEqual(DEFAULT_LABELS);
    const labels = markdownLabels(TABLES.en);
    expect(fillLabel(labels.footnoteBack, '2')).toBe('Back to reference 2');
    expect(fillLabel(labels.anchor, 'Loss')).toBe('Link to this section: Loss');
    const search = searchStrings(TABLES.en);
    expect(search.count[1]).toBe(`1 post found for “${SLOT}”`);
    expect(search.count[20]).toBe(`20 posts found for “${SLOT}”`);
    expect(search.none).toContain(SLOT);
    expect(Object.values(clientStrings(TABLES.en)).every((t) => t !== '' && !HAN.test(t))).toBe(true);
  });
});
