/**
 * What an update changed, as the audit log's before/after pair: only the fields whose value
 * differs, so a reader sees "電話番号: 03-… → 06-…" instead of two full records.
 */
export function auditDiff<T extends Record<string, unknown>>(
  before: T,
  after: T,
  ignored: readonly (keyof T)[] = ['version', 'updatedAt'],
): { before: Partial<T>; after: Partial<T> } {
  const changed = (Object.keys(after) as (keyof T)[]).filter(
    (key) => !ignored.includes(key) && !sameValue(before[key], after[key]),
  );
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])) as Partial<T>,
    after: Object.fromEntries(changed.map((key) => [key, after[key]])) as Partial<T>,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
