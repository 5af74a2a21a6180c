import { and, eq, sql } from 'drizzle-orm';
import { auditDiff } from '../../platform/audit/audit-diff';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type { PrintSettingsItem, PrintSettingsUpdate } from './document-settings.schema';
import { documentPrintSettings } from './document-settings.table';
import { toPrintSettings, unsavedPrintSettings } from './document-settings-row';

/** Version 0 creates the type's row; a concurrent first save meets it on the primary key. */
export async function updatePrintSettings(
  tx: TenantTransaction,
  actor: ActorContext,
  { version, ...input }: PrintSettingsUpdate,
): Promise<PrintSettingsItem> {
  const where = and(
    eq(documentPrintSettings.tenantId, tx.tenantId),
    eq(documentPrintSettings.documentType, input.documentType),
  );
  const [current] = await tx.db.select().from(documentPrintSettings).where(where).for('update');
  if ((current?.version ?? 0) !== version) throw new AppError('version_conflict');
  const [saved] = current
    ? await tx.db
        .update(documentPrintSettings)
        .set({ ...input, version: version + 1, updatedAt: sql`now()` })
        .where(where)
        .returning()
    : await tx.db
        .insert(documentPrintSettings)
        .values({ tenantId: tx.tenantId, ...input })
        .onConflictDoNothing()
        .returning();
  if (!saved) throw new AppError('version_conflict');
  const after = toPrintSettings(saved);
  await writeAudit(tx, actor, {
    event: 'company.print_settings_updated',
    targetType: 'document_print_settings',
    targetId: input.documentType,
    ...auditDiff(
      current ? toPrintSettings(current) : unsavedPrintSettings(input.documentType),
      after,
    ),
  });
  return after;
}
