import type {
  Supplier,
  SupplierInput,
} from '../../../server/modules/partners/suppliers/supplier.schema';
import { defaultTradeTerms, tradeTermsValues } from '../partners/partner-form-model';

export type SupplierFormValues = SupplierInput;

export const emptySupplier: SupplierFormValues = {
  code: '',
  name: '',
  kana: '',
  shortName: '',
  honorific: '御中',
  postalCode: '',
  address1: '',
  address2: '',
  phone: '',
  fax: '',
  email: '',
  notes: '',
  isActive: true,
  payToSupplierId: null,
  ...defaultTradeTerms,
  registrationNumber: '',
  registrationStatus: 'unregistered',
  registeredOn: null,
};

export function toFormValues(supplier: Supplier): SupplierFormValues {
  const values = Object.fromEntries(
    Object.keys(emptySupplier).map((key) => [key, supplier[key as keyof Supplier]]),
  ) as SupplierFormValues;
  return { ...values, ...tradeTermsValues(supplier as unknown as SupplierFormValues) };
}
