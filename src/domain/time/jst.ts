/**
 * Japan Standard Time without a time-zone database: JST has had no daylight saving since
 * 1951, so a fixed +09:00 offset is exact for every date the system stores.
 */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `2026-11-26T10:40:34.123+09:00`: ISO-8601 with the offset, as CSV exports carry it. */
export function toJstIso(date: Date): string {
  const shifted = new Date(date.getTime() + JST_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 23)}+09:00`;
}

/** `2026/11/26 10:40:34`: seconds matter in a log, unlike on business screens. */
export function formatJstSeconds(date: Date): string {
  const iso = toJstIso(date);
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 19)}`;
}

export const jstDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a JST calendar day (YYYY-MM-DD) starts; `days` moves to a later day. */
export function jstDayStart(day: string, days = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days) - JST_OFFSET_MS);
}

export function isValidJstDate(day: string): boolean {
  if (!jstDatePattern.test(day)) return false;
  return toJstIso(jstDayStart(day)).slice(0, 10) === day;
}

/** Today's date in Japan (YYYY-MM-DD), for default filter periods. */
export function jstToday(now = new Date()): string {
  return toJstIso(now).slice(0, 10);
}
