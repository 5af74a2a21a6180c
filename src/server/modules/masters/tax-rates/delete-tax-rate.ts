import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { products } from '../products/product.table';
import { taxRates } from './tax-rate.table';
import { fromRow, presetByCode } from './tax-rate-row';
import { taxRateKey } from './update-tax-rate';

/**
 * Deleting a tenant's own rate removes it; "deleting" a preset puts it back as shipped (a
 * preset cannot disappear, only be hidden). Documents keep their own copy of every rate.
 */
export async function deleteTaxRate(
  tx: TenantTransaction,
  actor: ActorContext,
  code: string,
  version: number,
): Promise<void> {
  const [current] = await tx.db.select().from(taxRates).where(taxRateKey(tx, code)).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  const preset = presetByCode(code);
  // A preset only goes back to its shipped display; an own rate products name must stay.
  if (!preset) {
    const [used] = await tx.db
      .select({ code: products.code })
      .from(products)
      .where(and(eq(products.tenantId, tx.tenantId), eq(products.taxRateCode, code)))
      .limit(1);
    if (used) throw new AppError('tax_rate_in_use');
  }
  await tx.db.delete(taxRates).where(taxRateKey(tx, code));
  await writeAudit(tx, actor, {
    event: preset ? 'tax_rate.reset' : 'tax_rate.deleted',
    targetType: 'tax_rate',
    targetId: code,
    before: fromRow(current),
  });
}
