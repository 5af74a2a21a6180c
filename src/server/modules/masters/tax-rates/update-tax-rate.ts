import { and, eq, sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import type { TaxRate, TaxRateUpdate } from './tax-rate.schema';
import { taxRates } from './tax-rate.table';
import { fromPreset, fromRow, presetByCode } from './tax-rate-row';

export function taxRateKey(tx: TenantTransaction, code: string) {
  return and(eq(taxRates.tenantId, tx.tenantId), eq(taxRates.code, code));
}

/**
 * A preset's first change inserts its override (version 0 → 1); later changes and a tenant's
 * own rates update the row under optimistic locking.
 */
export async function updateTaxRate(
  tx: TenantTransaction,
  actor: ActorContext,
  code: string,
  { version, ...input }: TaxRateUpdate,
): Promise<TaxRate> {
  const preset = presetByCode(code);
  const [current] = await tx.db.select().from(taxRates).where(taxRateKey(tx, code)).for('update');
  if (!preset && !current) throw new AppError('not_found');
  if ((current?.version ?? 0) !== version) throw new AppError('version_conflict');

  const before = current ? fromRow(current) : fromPreset(preset!);
  if (preset) assertOnlyDisplayChanges(before, input);
  const values = {
    printedName: input.printedName,
    sortOrder: input.sortOrder,
    isHidden: input.isHidden,
    ratePercent: preset ? before.ratePercent : (input.ratePercent ?? before.ratePercent),
    category: preset ? before.category : (input.category ?? before.category),
    validFrom: preset
      ? before.validFrom
      : input.validFrom === undefined
        ? before.validFrom
        : input.validFrom,
    validTo: preset ? before.validTo : input.validTo === undefined ? before.validTo : input.validTo,
  };
  const [row] = current
    ? await tx.db
        .update(taxRates)
        .set({ ...values, version: version + 1, updatedAt: sql`now()` })
        .where(taxRateKey(tx, code))
        .returning()
    : await tx.db
        .insert(taxRates)
        .values({ tenantId: tx.tenantId, code, isPreset: true, ...values })
        .returning();
  const after = fromRow(row!);
  await writeAudit(tx, actor, {
    event: 'tax_rate.updated',
    targetType: 'tax_rate',
    targetId: code,
    ...auditDiff(before, after, ['version', 'isCustomized']),
  });
  return after;
}

function assertOnlyDisplayChanges(preset: TaxRate, input: Omit<TaxRateUpdate, 'version'>) {
  const locked = (['ratePercent', 'category', 'validFrom', 'validTo'] as const).filter(
    (field) => input[field] !== undefined && input[field] !== preset[field],
  );
  if (locked.length > 0) {
    throw new AppError('tax_rate_preset_locked', {
      errors: locked.map((path) => ({
        path,
        message:
          '法令で定められた税率のため変更できません（印字名・表示順・非表示のみ変更できます）',
      })),
    });
  }
}
