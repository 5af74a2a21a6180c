import { eq } from 'drizzle-orm';
import { SESSION_ABSOLUTE_TIMEOUT_MS } from '../../platform/auth/session-token';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { SystemSettings } from './system-settings.schema';
import { tenantSettings } from './tenant-settings.table';

type SettingsRow = typeof tenantSettings.$inferSelect;

export function toSystemSettings(row: SettingsRow): SystemSettings {
  return {
    adminEmail: row.adminEmail,
    idleTimeoutMinutes: row.idleTimeoutMinutes,
    absoluteSessionHours: SESSION_ABSOLUTE_TIMEOUT_MS / 3_600_000,
    passwordExpiryDays: row.passwordExpiryDays,
    passwordNoticeDays: row.passwordNoticeDays,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getSettingsRow(
  tx: TenantTransaction,
  options: { forUpdate?: boolean } = {},
): Promise<SettingsRow> {
  const query = tx.db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tx.tenantId));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  // createTenant and the migration give every tenant its row.
  if (!row) throw new Error('tenant has no settings row');
  return row;
}

export async function getSystemSettings(tx: TenantTransaction): Promise<SystemSettings> {
  return toSystemSettings(await getSettingsRow(tx));
}
