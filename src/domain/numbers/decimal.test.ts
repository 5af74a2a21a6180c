import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  decimal,
  formatDecimal,
  multiply,
  normalizeDecimal,
  parseDecimal,
  type RoundingMode,
  roundToScale,
  subtract,
} from './decimal';

const text = (value: string, mode: RoundingMode, scale = 0) =>
  formatDecimal(roundToScale(decimal(value), scale, mode));

describe('decimal arithmetic', () => {
  it('adds without binary floating-point error', () => {
    expect(formatDecimal(add(decimal('0.1'), decimal('0.2')))).toBe('0.3');
    expect(formatDecimal(multiply(decimal('1234.5678'), decimal('3')))).toBe('3703.7034');
  });

  it('parses only plain decimal text', () => {
    expect(parseDecimal(' 12.50 ')).toEqual({ units: 1250n, scale: 2 });
    expect(parseDecimal('-0.25')).toEqual({ units: -25n, scale: 2 });
    for (const bad of ['', '1e3', '1,000', '.5', '5.', '１２', 'NaN', '--1']) {
      expect(parseDecimal(bad), bad).toBeNull();
    }
  });

  it('rounds the magnitude, so a return rounds like the sale it reverses', () => {
    expect(text('10.5', 'down')).toBe('10');
    expect(text('-10.5', 'down')).toBe('-10');
    expect(text('10.1', 'up')).toBe('11');
    expect(text('-10.1', 'up')).toBe('-11');
    expect(text('10.5', 'halfUp')).toBe('11');
    expect(text('10.49', 'halfUp')).toBe('10');
    expect(text('-10.5', 'halfUp')).toBe('-11');
    expect(text('1.23456', 'halfUp', 4)).toBe('1.2346');
    expect(text('7', 'up', 2)).toBe('7.00');
  });

  it('formats with a fixed number of decimals and normalises trailing zeros', () => {
    expect(formatDecimal(decimal('5'), 2)).toBe('5.00');
    expect(formatDecimal(decimal('0.05'))).toBe('0.05');
    expect(formatDecimal(decimal('-0.5'))).toBe('-0.5');
    expect(formatDecimal(normalizeDecimal(decimal('12.500')))).toBe('12.5');
  });

  const decimals = fc
    .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
    .map(([units, scale]) => ({ units, scale }));

  it('round-trips through text', () => {
    fc.assert(
      fc.property(decimals, (value) => {
        expect(compare(decimal(formatDecimal(value)), value)).toBe(0);
      }),
    );
  });

  it('rounds to within one unit of the last kept place, in the mode’s direction', () => {
    fc.assert(
      fc.property(
        decimals,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<RoundingMode>('down', 'up', 'halfUp'),
        (value, scale, mode) => {
          const rounded = roundToScale(value, scale, mode);
          const error = subtract(rounded, value);
          const unit = { units: 1n, scale };
          const magnitude = error.units < 0n ? { ...error, units: -error.units } : error;
          expect(compare(magnitude, unit)).toBeLessThan(1);
          const awayFromZero = value.units < 0n ? error.units <= 0n : error.units >= 0n;
          if (mode === 'down') expect(error.units === 0n || !awayFromZero).toBe(true);
          if (mode === 'up') expect(awayFromZero).toBe(true);
        },
      ),
    );
  });
});
