import { decimal, formatDecimal, normalizeDecimal } from '../../../../domain/numbers/decimal';
import { type TaxRatePreset, taxRatePresets } from '../../../../domain/tax/tax-rates';
import type { TaxRate } from './tax-rate.schema';
import type { taxRates } from './tax-rate.table';

type TaxRateRow = typeof taxRates.$inferSelect;

export function presetByCode(code: string): TaxRatePreset | undefined {
  return taxRatePresets.find((preset) => preset.code === code);
}

/** Presets are listed ten apart, so a tenant can slot its own rates between them. */
export function presetSortOrder(preset: TaxRatePreset): number {
  return (taxRatePresets.indexOf(preset) + 1) * 10;
}

export function fromPreset(preset: TaxRatePreset): TaxRate {
  return {
    code: preset.code,
    printedName: preset.printedName,
    ratePercent: preset.ratePercent,
    category: preset.category,
    sortOrder: presetSortOrder(preset),
    isHidden: preset.isHidden,
    validFrom: preset.validFrom,
    validTo: preset.validTo,
    isPreset: true,
    isCustomized: false,
    version: 0,
  };
}

export function fromRow(row: TaxRateRow): TaxRate {
  return {
    code: row.code,
    printedName: row.printedName,
    ratePercent: formatDecimal(normalizeDecimal(decimal(row.ratePercent))),
    category: row.category,
    sortOrder: row.sortOrder,
    isHidden: row.isHidden,
    validFrom: row.validFrom,
    validTo: row.validTo,
    isPreset: row.isPreset,
    isCustomized: row.isPreset,
    version: row.version,
  };
}

/** The tenant's effective list: every preset (as shipped or as overridden) plus its own. */
export function mergeTaxRates(rows: readonly TaxRateRow[]): TaxRate[] {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const presets = taxRatePresets.map((preset) => {
    const override = byCode.get(preset.code);
    return override ? fromRow(override) : fromPreset(preset);
  });
  const own = rows.filter((row) => !row.isPreset).map(fromRow);
  return [...presets, ...own].sort(
    (a, b) => a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : 1),
  );
}
