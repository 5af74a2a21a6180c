import pg from 'pg';

const TIMESTAMPTZ = 1184;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date;

/** What PostgreSQL prints for a timestamptz in a UTC session (DateStyle ISO). */
const UTC_OUTPUT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz as PostgreSQL sends it, straight to the ISO 8601 string `Date#toISOString`
 * would give (millisecond precision, `Z`), without building a Date: for a 50-row page with
 * two timestamps per row, pg's date parsing plus `toISOString` took ~120 µs, this ~13 µs.
 * Anything but the plain UTC form (another session time zone, years beyond 9999, BC) takes
 * pg's own parser, so the result never depends on which path it took.
 */
export function isoTimestamp(text: string): string {
  const match = UTC_OUTPUT.exec(text);
  if (!match) return parseTimestamptz(text).toISOString();
  return `${match[1]}T${match[2]}.${`${match[3] ?? ''}000`.slice(0, 3)}Z`;
}

/** pg type parsers that read timestamptz columns as `isoTimestamp` strings, all else as usual. */
export const isoTimestampTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary'
      ? isoTimestamp
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A timestamp read either way: a Date (drizzle, pg's default) or an `isoTimestamp` string. */
export function toIsoString(value: Date | string): string {
  return typeof value === 'string' ? value : value.toISOString();
}
