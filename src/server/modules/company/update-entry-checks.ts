import { eq, sql } from 'drizzle-orm';
import { auditDiff } from '../../platform/audit/audit-diff';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type { EntryChecks, EntryChecksUpdate } from './document-settings.schema';
import { documentEntryChecks } from './document-settings.table';
import { toEntryChecks } from './document-settings-row';

/** Version 0 creates the tenant's row; until then the domain's defaults apply. */
export async function updateEntryChecks(
  tx: TenantTransaction,
  actor: ActorContext,
  { version, ...input }: EntryChecksUpdate,
): Promise<EntryChecks> {
  const where = eq(documentEntryChecks.tenantId, tx.tenantId);
  const [current] = await tx.db.select().from(documentEntryChecks).where(where).for('update');
  if ((current?.version ?? 0) !== version) throw new AppError('version_conflict');
  const [saved] = current
    ? await tx.db
        .update(documentEntryChecks)
        .set({ ...input, version: version + 1, updatedAt: sql`now()` })
        .where(where)
        .returning()
    : await tx.db
        .insert(documentEntryChecks)
        .values({ tenantId: tx.tenantId, ...input })
        .onConflictDoNothing()
        .returning();
  if (!saved) throw new AppError('version_conflict');
  const after = toEntryChecks(saved);
  await writeAudit(tx, actor, {
    event: 'company.entry_checks_updated',
    targetType: 'document_entry_checks',
    targetId: tx.tenantId,
    ...auditDiff(toEntryChecks(current), after),
  });
  return after;
}
