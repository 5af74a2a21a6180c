import type {
  Product,
  ProductInput,
} from '../../../server/modules/masters/products/product.schema';

/** Every input as the form holds it: numbers as text, so "0.10" stays "0.10". */
export interface ProductFormValues {
  code: string;
  name: string;
  kana: string;
  spec: string;
  unit: string;
  quantityPerCase: string;
  quantityDecimals: number;
  priceDecimals: number;
  unitPrice1: string;
  unitPrice2: string;
  unitPrice3: string;
  unitPrice4: string;
  unitPrice5: string;
  cost: string;
  taxMode: ProductInput['taxMode'];
  taxRateCode: string;
  isStockManaged: boolean;
  valuationMethod: ProductInput['valuationMethod'];
  janCode: string;
  notes: string;
  isActive: boolean;
}

export type ProductField = keyof ProductFormValues;

export const emptyProduct: ProductFormValues = {
  code: '',
  name: '',
  kana: '',
  spec: '',
  unit: '',
  quantityPerCase: '',
  quantityDecimals: 0,
  priceDecimals: 0,
  unitPrice1: '',
  unitPrice2: '',
  unitPrice3: '',
  unitPrice4: '',
  unitPrice5: '',
  cost: '',
  taxMode: 'exclusive',
  taxRateCode: '10',
  isStockManaged: true,
  valuationMethod: 'lastPurchasePrice',
  janCode: '',
  notes: '',
  isActive: true,
};

export function toFormValues(product: Product): ProductFormValues {
  return {
    code: product.code,
    name: product.name,
    kana: product.kana,
    spec: product.spec,
    unit: product.unit,
    quantityPerCase: product.quantityPerCase ?? '',
    quantityDecimals: product.quantityDecimals,
    priceDecimals: product.priceDecimals,
    unitPrice1: product.unitPrice1 ?? '',
    unitPrice2: product.unitPrice2 ?? '',
    unitPrice3: product.unitPrice3 ?? '',
    unitPrice4: product.unitPrice4 ?? '',
    unitPrice5: product.unitPrice5 ?? '',
    cost: product.cost ?? '',
    taxMode: product.taxMode,
    taxRateCode: product.taxRateCode,
    isStockManaged: product.isStockManaged,
    valuationMethod: product.valuationMethod,
    janCode: product.janCode,
    notes: product.notes,
    isActive: product.isActive,
  };
}

/** Half-width digits whatever the IME typed: ２，９８０ is 2980. */
function plainNumber(text: string): string {
  return text
    .replace(/[０-９．－]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
}

/** What the API takes (the shared schema turns empty numbers into "not set"). */
export function toInput(values: ProductFormValues) {
  return {
    ...values,
    quantityPerCase: plainNumber(values.quantityPerCase),
    unitPrice1: plainNumber(values.unitPrice1),
    unitPrice2: plainNumber(values.unitPrice2),
    unitPrice3: plainNumber(values.unitPrice3),
    unitPrice4: plainNumber(values.unitPrice4),
    unitPrice5: plainNumber(values.unitPrice5),
    cost: plainNumber(values.cost),
    janCode: plainNumber(values.janCode),
  };
}

const fields = new Set<string>(Object.keys(emptyProduct));

export function isProductField(path: string): path is ProductField {
  return fields.has(path);
}
