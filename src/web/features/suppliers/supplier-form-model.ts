import type {
  Supplier,
  SupplierInput,
} from '../../../server/modules/partners/suppliers/supplier.schema';
import {
  defaultTradeTerms,
  emptyPartnerProfile,
  pickFormValues,
} from '../partners/partner-form-model';

export type SupplierFormValues = SupplierInput;

export const emptySupplier: SupplierFormValues = {
  ...emptyPartnerProfile,
  payToSupplierId: null,
  ...defaultTradeTerms,
  registrationNumber: '',
  registrationStatus: 'unregistered',
  registeredOn: null,
};

export function toFormValues(supplier: Supplier): SupplierFormValues {
  return pickFormValues(supplier, emptySupplier);
}
