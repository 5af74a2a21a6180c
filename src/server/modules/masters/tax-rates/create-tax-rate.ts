import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import { isUniqueViolation } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import type { TaxRate, TaxRateCreate } from './tax-rate.schema';
import { taxRates } from './tax-rate.table';
import { fromRow, presetByCode } from './tax-rate-row';

export function codeTakenError(): AppError {
  return new AppError('tax_rate_code_taken', {
    errors: [{ path: 'code', message: 'このコードは既に使われています' }],
  });
}

export async function createTaxRate(
  tx: TenantTransaction,
  actor: ActorContext,
  input: TaxRateCreate,
): Promise<TaxRate> {
  if (presetByCode(input.code)) throw codeTakenError();
  const [row] = await tx.db
    .insert(taxRates)
    .values({ tenantId: tx.tenantId, isPreset: false, ...input })
    .returning()
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'tax_rates_tenant_id_code_pk')) throw codeTakenError();
      throw error;
    });
  const created = fromRow(row!);
  await writeAudit(tx, actor, {
    event: 'tax_rate.created',
    targetType: 'tax_rate',
    targetId: created.code,
    after: created,
  });
  return created;
}
