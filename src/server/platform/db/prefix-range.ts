import { and, gte, lt, type SQL } from 'drizzle-orm';
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
