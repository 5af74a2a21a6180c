import type { TenantTransaction } from '../../platform/db/tenant-transaction';

/**
 * Who hears about a password reset for a user without an e-mail address: the 管理者メール
 * アドレス from システム設定, as the reference service does; until an admin sets one, the
 * active 組織管理者 who have an address, so the notice never goes nowhere.
 */
export async function adminNoticeRecipients(tx: TenantTransaction): Promise<string[]> {
  const { rows } = await tx.client.query<{ email: string }>(
    `SELECT admin_email AS email FROM app.tenant_settings
      WHERE tenant_id = $1 AND admin_email <> ''
     UNION
     SELECT email FROM app.users
      WHERE tenant_id = $1 AND is_org_admin AND is_active AND email <> ''
        AND NOT EXISTS (SELECT 1 FROM app.tenant_settings
                         WHERE tenant_id = $1 AND admin_email <> '')
     ORDER BY email`,
    [tx.tenantId],
  );
  return rows.map((row) => row.email);
}
