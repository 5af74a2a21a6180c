import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, decimal, multiply, type RoundingMode, subtract } from '../numbers/decimal';
import { type PartnerPricing, type ProductPricing, resolveUnitPrice } from './resolve-unit-price';

const product: ProductPricing = {
  unitPrices: ['1000', '980', null, '1234.5678', '333'],
  priceDecimals: 0,
};
const partner = (over: Partial<PartnerPricing> = {}): PartnerPricing => ({
  priceClass: 1,
  ratePercent: '100',
  rounding: 'down',
  ...over,
});

describe('unit price resolution', () => {
  it('uses the partner’s price column at 100 %', () => {
    expect(resolveUnitPrice(product, partner({ priceClass: 2 }))).toEqual({
      source: 'priceClass',
      unitPrice: '980',
      column: 2,
    });
  });

  it('applies 掛け率 and rounds to the product’s decimals with the partner’s rounding', () => {
    // 333 × 85 % = 283.05
    const at = (rounding: RoundingMode, priceDecimals = 0) =>
      resolveUnitPrice(
        { ...product, priceDecimals },
        partner({ priceClass: 5, ratePercent: '85', rounding }),
      );
    expect(at('down')).toMatchObject({ unitPrice: '283' });
    expect(at('up')).toMatchObject({ unitPrice: '284' });
    expect(at('halfUp')).toMatchObject({ unitPrice: '283' });
    expect(at('down', 2)).toMatchObject({ unitPrice: '283.05' });
    expect(at('down', 4)).toMatchObject({ unitPrice: '283.0500' });
  });

  it('lets a partner-specific price beat the price column and the rate', () => {
    expect(resolveUnitPrice(product, partner({ ratePercent: '50' }), '1100')).toEqual({
      source: 'partnerPrice',
      unitPrice: '1100',
    });
  });

  it('says so when the chosen column has no price', () => {
    expect(resolveUnitPrice(product, partner({ priceClass: 3 }))).toEqual({ source: 'none' });
  });

  const price = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }))
    .map(([units, scale]) => ({ units, scale }));
  const rate = fc
    .tuple(fc.bigInt({ min: 0n, max: 300_00n }), fc.constant(2))
    .map(([units, scale]) => ({ units, scale }));
  const text = (d: { units: bigint; scale: number }) =>
    `${d.units / 10n ** BigInt(d.scale)}${d.scale ? `.${(d.units % 10n ** BigInt(d.scale)).toString().padStart(d.scale, '0')}` : ''}`;

  it('stays within one unit of the exact price × rate, on the side the rounding says', () => {
    fc.assert(
      fc.property(
        price,
        rate,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<RoundingMode>('down', 'up', 'halfUp'),
        (column, ratePercent, priceDecimals, rounding) => {
          const resolved = resolveUnitPrice(
            { unitPrices: [text(column)], priceDecimals },
            { priceClass: 1, ratePercent: text(ratePercent), rounding },
          );
          if (resolved.source !== 'priceClass') throw new Error('expected a column price');
          const exact = multiply(column, { units: ratePercent.units, scale: 4 });
          const error = subtract(decimal(resolved.unitPrice), exact);
          const oneUnit = { units: 1n, scale: priceDecimals };
          expect(
            compare({ ...error, units: error.units < 0n ? -error.units : error.units }, oneUnit),
          ).toBe(-1);
          if (rounding === 'down') expect(error.units <= 0n).toBe(true);
          if (rounding === 'up') expect(error.units >= 0n).toBe(true);
        },
      ),
    );
  });

  it('never lets the rate or column matter once a partner price exists', () => {
    fc.assert(
      fc.property(price, rate, price, (column, ratePercent, own) => {
        const resolved = resolveUnitPrice(
          { unitPrices: [text(column)], priceDecimals: 4 },
          { priceClass: 1, ratePercent: text(ratePercent), rounding: 'up' },
          text(own),
        );
        expect(resolved.source).toBe('partnerPrice');
        if (resolved.source === 'partnerPrice')
          expect(compare(decimal(resolved.unitPrice), own)).toBe(0);
      }),
    );
  });
});
