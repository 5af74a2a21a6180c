import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from '../../src/server/platform/db/uuid';

describe('uuidv7', () => {
  it('gives version-7, RFC variant ids that carry the time and never repeat across pool refills', () => {
    const now = Date.UTC(2026, 10, 26, 12, 0, 0);
    // 5,000 ids draw 80,000 random bytes: the 4 KiB pool is refilled about twenty times.
    const ids = Array.from({ length: 5_000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
      expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now);
    }
    // The random part differs between consecutive ids, not only somewhere in the set.
    expect(ids[0]!.slice(15)).not.toBe(ids[1]!.slice(15));
  });

  it('sorts by creation time', () => {
    const earlier = uuidv7(1_700_000_000_000);
    const later = uuidv7(1_700_000_000_001);
    expect(earlier < later).toBe(true);
  });
});
