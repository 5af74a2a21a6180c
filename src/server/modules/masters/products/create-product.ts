import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import { assignMasterCode } from '../../settings/code-numbering/code-numbering';
import type { Product, ProductInput } from './product.schema';
import { products } from './product.table';
import {
  assertTaxRateExists,
  productColumns,
  rethrowProductWriteError,
  toProduct,
} from './product-row';

export async function createProduct(
  tx: TenantTransaction,
  actor: ActorContext,
  input: ProductInput,
): Promise<Product> {
  await assertTaxRateExists(tx, input.taxRateCode);
  const code = await assignMasterCode(tx, 'products', input.code);
  const [row] = await tx.db
    .insert(products)
    .values({ tenantId: tx.tenantId, productId: uuidv7(), ...productColumns({ ...input, code }) })
    .returning()
    .catch(rethrowProductWriteError);
  const product = toProduct(row!);
  await writeAudit(tx, actor, {
    event: 'product.created',
    targetType: 'product',
    targetId: product.productId,
    after: { ...input, code },
  });
  return product;
}
