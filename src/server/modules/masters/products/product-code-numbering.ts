import { and, desc, eq, sql } from 'drizzle-orm';
import { nextAutoCode } from '../../../../domain/masters/codes';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { products } from './product.table';

/** 商品コード桁数 of the tenant's システム設定. */
function productCodeWidth(): number {
  // integrator: nextMasterCode(tx, 'products')
  return 6;
}

/**
 * 自動発番: one more than the highest all-digit code of the configured width. A transaction
 * lock per tenant serialises concurrent creations, so two clerks saving at once never draw
 * the same number (the second waits, then sees the first one's code).
 */
export async function nextProductCode(tx: TenantTransaction): Promise<string> {
  const width = productCodeWidth();
  await tx.db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`products:${tx.tenantId}`}, 0))`,
  );
  const [highest] = await tx.db
    .select({ code: products.code })
    .from(products)
    .where(and(eq(products.tenantId, tx.tenantId), sql`${products.code} ~ ${`^[0-9]{${width}}$`}`))
    .orderBy(desc(products.code))
    .limit(1);
  const code = nextAutoCode(highest ? [highest.code] : [], width);
  if (code === null) {
    throw new AppError('product_code_exhausted', {
      errors: [
        { path: 'code', message: '自動発番できる商品コードがありません。コードを入力してください' },
      ],
    });
  }
  return code;
}
