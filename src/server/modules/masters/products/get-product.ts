import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import type { Product } from './product.schema';
import { getProductRow, toProduct } from './product-row';

export async function getProduct(tx: TenantTransaction, productId: string): Promise<Product> {
  return toProduct(await getProductRow(tx, productId));
}
