import { customerPriceIo } from '../masters/products/customer-price.columns';
import { productIo } from '../masters/products/product.columns';
import { customerIo } from '../partners/customers/customer.columns';
import { supplierIo } from '../partners/suppliers/supplier.columns';
import type { MasterKind } from './import-job.schema';
import type { AnyMasterIo } from './master-io';

/** Every master with import and export; a new one is one MasterIo and one entry here. */
const registry: Partial<Record<MasterKind, AnyMasterIo>> = {
  customers: customerIo,
  suppliers: supplierIo,
  products: productIo,
  'customer-prices': customerPriceIo,
};

export function masterIo(kind: MasterKind): AnyMasterIo {
  const io = registry[kind];
  if (!io) throw new Error(`No import/export for ${kind}`);
  return io;
}

export function registeredMasters(): AnyMasterIo[] {
  return Object.values(registry);
}
