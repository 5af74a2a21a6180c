import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { getSettingsRow, toSystemSettings } from './get-system-settings';
import type { SystemSettings, SystemSettingsUpdate } from './system-settings.schema';
import { tenantSettings } from './tenant-settings.table';

/**
 * Saves システム設定 with optimistic locking; the audit row carries the changed fields before
 * and after. A new idle timeout or expiry applies to every session on its next request.
 */
export async function updateSystemSettings(
  tx: TenantTransaction,
  actor: ActorContext,
  { version, ...input }: SystemSettingsUpdate,
): Promise<SystemSettings> {
  const current = await getSettingsRow(tx, { forUpdate: true });
  if (current.version !== version) throw new AppError('version_conflict');
  const [updated] = await tx.db
    .update(tenantSettings)
    .set({ ...input, version: version + 1, updatedAt: sql`now()` })
    .where(eq(tenantSettings.tenantId, tx.tenantId))
    .returning();
  if (!updated) throw new Error('settings row vanished under its own lock');
  const changed = (Object.keys(input) as (keyof typeof input)[]).filter(
    (key) => current[key] !== input[key],
  );
  await writeAudit(tx, actor, {
    event: 'settings.system_updated',
    targetType: 'tenant_settings',
    targetId: tx.tenantId,
    before: Object.fromEntries(changed.map((key) => [key, current[key]])),
    after: Object.fromEntries(changed.map((key) => [key, input[key]])),
  });
  return toSystemSettings(updated);
}
