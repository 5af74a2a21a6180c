import type {
  Supplier,
  SupplierInput,
  SupplierList,
  SupplierUpdate,
} from '../../server/modules/partners/suppliers/supplier.schema';
import { partnerApi } from './partners';

export const supplierApi = partnerApi<Supplier, SupplierList, SupplierInput, SupplierUpdate>(
  'suppliers',
);
export const supplierQueryOptions = supplierApi.queryOptions;
