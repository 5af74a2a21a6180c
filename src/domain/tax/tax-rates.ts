import { parsePlainDate } from '../calendar/plain-date';

/**
 * 消費税率: a tenant keeps a list (printed name, order, hidden flag, validity); each document
 * line stores its own rate, never derived from today's list (DOMAIN.md §1). These are the
 * presets every new tenant starts with; historic 3 %/5 %/8 % exist for old documents.
 */
export const taxCategories = {
  standard: { label: '標準税率' },
  reduced: { label: '軽減税率' },
  exempt: { label: '非課税' },
  outOfScope: { label: '不課税' },
  zeroRated: { label: '免税' },
} as const;
export type TaxCategory = keyof typeof taxCategories;

export interface TaxRatePreset {
  readonly code: string;
  readonly printedName: string;
  readonly ratePercent: string;
  readonly category: TaxCategory;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly isHidden: boolean;
}

export const taxRatePresets: readonly TaxRatePreset[] = [
  {
    code: '10',
    printedName: '10%',
    ratePercent: '10',
    category: 'standard',
    validFrom: '2019-10-01',
    validTo: null,
    isHidden: false,
  },
  {
    code: '8R',
    printedName: '軽減8%',
    ratePercent: '8',
    category: 'reduced',
    validFrom: '2019-10-01',
    validTo: null,
    isHidden: false,
  },
  {
    code: '0E',
    printedName: '非課税',
    ratePercent: '0',
    category: 'exempt',
    validFrom: null,
    validTo: null,
    isHidden: false,
  },
  {
    code: '0N',
    printedName: '不課税',
    ratePercent: '0',
    category: 'outOfScope',
    validFrom: null,
    validTo: null,
    isHidden: true,
  },
  {
    code: '0Z',
    printedName: '免税',
    ratePercent: '0',
    category: 'zeroRated',
    validFrom: null,
    validTo: null,
    isHidden: true,
  },
  {
    code: '8',
    printedName: '旧8%',
    ratePercent: '8',
    category: 'standard',
    validFrom: '2014-04-01',
    validTo: '2019-09-30',
    isHidden: true,
  },
  {
    code: '5',
    printedName: '5%',
    ratePercent: '5',
    category: 'standard',
    validFrom: '1997-04-01',
    validTo: '2014-03-31',
    isHidden: true,
  },
];

/** Whether a rate may be chosen for a document dated `date` (ISO yyyy-mm-dd). */
export function isTaxRateValidOn(
  rate: Pick<TaxRatePreset, 'validFrom' | 'validTo'>,
  date: string,
): boolean {
  if (!parsePlainDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return (
    (rate.validFrom === null || rate.validFrom <= date) &&
    (rate.validTo === null || date <= rate.validTo)
  );
}

/** The legend printed on qualified invoices for lines at the reduced rate. */
export const REDUCED_RATE_MARK = '※';
export const REDUCED_RATE_LEGEND = '※は軽減税率対象';
