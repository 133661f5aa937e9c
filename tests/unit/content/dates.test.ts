import { describe, expect, it } from 'vitest';
import { isoDateTime, isoDay, parseFrontmatterDate } from '../../../src/content/dates.ts';

const parse = (s: string, tz = 'Asia/Shanghai') => {
  const r = parseFrontmatterDate(s, tz);
  if (!r.ok) throw new Error(r.message);
  return r.date.toISOString();
};

describe('frontmatter dates', () => {
  it('reads a date without a zone as midnight in the site zone', () => {
    expect(parse('2026-01-11')).toBe('2026-01-10T16:00:00.000Z');
    expect(parse('2026-01-11', 'UTC')).toBe('2026-01-11T00:00:00.000Z');
    expect(parse('2026-07-01 08:30', 'America/New_York')).toBe('2026-07-01T12:30:00.000Z');
  });

  it('uses the offset of the zone on that day, to the second, in any year', () => {
    // Before 1901 Shanghai kept local mean time, +08:05:43; a year before 1000 is written
    // without four digits by the formatter and read from its parts.
    expect(parse('1900-01-01')).toBe('1899-12-31T15:54:17.000Z');
    expect(parse('0999-01-01')).toBe('0998-12-31T15:54:17.000Z');
    expect(parse('2026-03-08 00:30', 'America/New_York')).toBe('2026-03-08T05:30:00.000Z');
    expect(parse('2026-03-08 12:00', 'America/New_York')).toBe('2026-03-08T16:00:00.000Z');
  });

  it('honours an explicit zone', () => {
    expect(parse('2026-01-11T08:30:00+08:00')).toBe('2026-01-11T00:30:00.000Z');
    expect(parse('2026-01-11T08:30:00Z')).toBe('2026-01-11T08:30:00.000Z');
    expect(parse('2026-01-11T08:30:00-0500')).toBe('2026-01-11T13:30:00.000Z');
  });

  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-01-11T25:00', 'yesterday', '11/01/2026']) {
      expect(parseFrontmatterDate(bad, 'UTC').ok, bad).toBe(false);
    }
    expect(parseFrontmatterDate('2024-02-29', 'UTC').ok).toBe(true);
  });

  it('formats days and timestamps in the site zone', () => {
    const d = new Date('2026-01-10T16:00:00Z');
    expect(isoDay(d, 'Asia/Shanghai')).toBe('2026-01-11');
    expect(isoDay(d, 'UTC')).toBe('2026-01-10');
    expect(isoDateTime(d, 'Asia/Shanghai')).toBe('2026-01-11T00:00:00+08:00');
  });
});
