import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixUpperBound } from './prefix-range';

/** Byte order of UTF-8 equals code-point order, which is what COLLATE "C" compares. */
function compareCodePoints(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

describe('prefixUpperBound', () => {
  it('advances the last character', () => {
    expect(prefixUpperBound('サ')).toBe('ザ');
    expect(prefixUpperBound('C00')).toBe('C01');
    expect(prefixUpperBound('')).toBeNull();
  });

  it('bounds exactly the strings that start with the prefix', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
        fc.string({ unit: 'grapheme', maxLength: 6 }),
        (prefix, other) => {
          const upper = prefixUpperBound(prefix);
          fc.pre(upper !== null);
          const inRange =
            compareCodePoints(other, prefix) >= 0 && compareCodePoints(other, upper!) < 0;
          expect(inRange).toBe(other.startsWith(prefix));
          expect(compareCodePoints(prefix + other, upper!) < 0).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
