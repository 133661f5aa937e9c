import { isoDateTime, parseFrontmatterDate, wallTimeToUtc } from '../../content/dates.ts';

/** A date as Hexo authors write it, turned into one Folio reads the same way. */
export type LooseDate = { ok: true; date: Date; text: string } | { ok: false; message: string };

const LOOSE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[T ]|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(\.\d+)?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?$/i;

/**
 * Reads `2023-9-27`, `2023/09/28 10:00`, `2023-09-28T10:00:00+08:00`. A date without a zone is
 * a wall-clock time in `hexoZone` (Hexo's `timezone`). The text written for Folio keeps the
 * author's wall-clock time, and says the zone when Folio would otherwise read it differently.
 */
export function looseDate(value: unknown, hexoZone: string, siteZone: string): LooseDate {
  if (value instanceof Date) return { ok: true, date: value, text: isoDateTime(value, hexoZone || siteZone) };
  if (typeof value !== 'string' && typeof value !== 'number') return { ok: false, message: 'is not a date' };
  const raw = String(value).trim();
  const m = LOOSE.exec(raw);
  if (!m) return { ok: false, message: `"${raw}" is not a date Hexo writers use (YYYY-MM-DD, optionally with a time)` };
  const pad = (s: string | undefined) => (s ?? '0').padStart(2, '0');
  const [, y, mo, d, h, mi, s, , zone] = m;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  const time = h === undefined ? '' : ` ${pad(h)}:${pad(mi)}${s !== undefined ? `:${pad(s)}` : ''}`;
  const offset = zone === undefined ? '' : zone.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(zone);
  const check = parseFrontmatterDate(`${day}${time}${offset ? ` ${offset}` : ''}`.replace(' Z', 'Z'), hexoZone || siteZone);
  if (!check.ok) return { ok: false, message: `"${raw}" is not a real date` };
  if (offset || !hexoZone || hexoZone === siteZone) {
    const full = `${day}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
    return { ok: true, date: check.date, text: offset ? full : `${day}${time}` };
  }
  // Written in the blog's zone, which is not the site's: say so.
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  const date = new Date(wallTimeToUtc(wall, hexoZone));
  return { ok: true, date, text: isoDateTime(date, hexoZone) };
}

function normaliseOffset(zone: string): string {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone)!;
  return `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
}
