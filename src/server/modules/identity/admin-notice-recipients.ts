import type { TenantTransaction } from '../../platform/db/tenant-transaction';

/**
 * Where notices for "the tenant's admin address" go. For now: the e-mail addresses of the
 * tenant's active 組織管理者. The one place to change when a tenant setting for it arrives.
 */
export async function adminNoticeRecipients(tx: TenantTransaction): Promise<string[]> {
  const { rows } = await tx.client.query<{ email: string }>(
    `SELECT DISTINCT email FROM app.users
     WHERE tenant_id = $1 AND is_org_admin AND is_active AND email <> ''
     ORDER BY email`,
    [tx.tenantId],
  );
  return rows.map((row) => row.email);
}
