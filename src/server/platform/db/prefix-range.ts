import { and, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `column LIKE 'prefix%'` written as a range on a byte-ordered (COLLATE "C") column.
 *
 * Under row-level security PostgreSQL evaluates a user predicate only after the policy unless
 * its operator is LEAKPROOF. LIKE (textlike) is not, so it cannot drive an index scan and a
 * prefix search would read every row of the tenant; >= and < on text are leakproof and use the
 * (tenant_id, column) index. In code-point order, the strings that start with the prefix are
 * exactly those from the prefix up to (not including) the prefix with its last character
 * advanced by one.
 */
export function prefixRange(column: PgColumn, prefix: string): SQL | undefined {
  const upper = prefixUpperBound(prefix);
  if (upper === null) return undefined;
  return and(gte(column, prefix), lt(column, upper));
}

export function prefixUpperBound(prefix: string): string | null {
  const chars = [...prefix];
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return chars.join('') + String.fromCodePoint(next);
  }
  return null;
}

/**
 * `prefixRange` for a shaped statement (shaped-statement.ts): the bounds are the placeholders
 * `<name>From` and `<name>To`, filled per request from `prefixRangeValues(name, prefix)`.
 */
export function prefixRangePlaceholders(column: PgColumn, name: string): SQL {
  return and(
    gte(column, sql.placeholder(`${name}From`)),
    lt(column, sql.placeholder(`${name}To`)),
  )!;
}

/** The values for `prefixRangePlaceholders`, or null where `prefixRange` has no range either. */
export function prefixRangeValues(name: string, prefix: string): Record<string, string> | null {
  const upper = prefixUpperBound(prefix);
  return upper === null ? null : { [`${name}From`]: prefix, [`${name}To`]: upper };
}
