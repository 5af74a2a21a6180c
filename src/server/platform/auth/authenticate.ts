import type pg from 'pg';
import { isPermission, type Permission } from '../../../domain/access/permissions';
import { type OpenTenantTransaction, openTenantTransaction } from '../db/tenant-transaction';
import type { Principal } from './principal';
import type { SessionToken } from './session-token';

interface SessionRow {
  session_id: string;
  user_id: string;
  login_id: string;
  name: string;
  is_org_admin: boolean;
  must_change_password: boolean;
  stage: 'full' | 'mfa' | 'mfa_enrol';
  mfa_enabled: boolean;
  permissions: string[];
}

/**
 * Resolves a session cookie into a principal and leaves the tenant transaction open for the
 * request, all in one round trip. The session counts as alive until the tenant's idle timeout
 * or the absolute timeout; last_seen_at moves at most once a minute to spare writes.
 */
export async function authenticateSession(
  pool: pg.Pool,
  token: SessionToken,
): Promise<{ principal: Principal; tx: OpenTenantTransaction } | null> {
  // Both values are safe to inline: a validated UUID and hex digits we produced.
  const tenant = `'${token.tenantId}'::uuid`;
  const hash = `decode('${token.tokenHash.toString('hex')}', 'hex')`;
  const tx = await openTenantTransaction(pool, token.tenantId, [
    `SELECT s.session_id, s.user_id, u.login_id, u.name, u.is_org_admin, u.must_change_password,
            s.stage, u.mfa_enabled_at IS NOT NULL AS mfa_enabled,
            coalesce(g.permissions, '{}') AS permissions
       FROM app.sessions s
       JOIN app.users u ON u.tenant_id = s.tenant_id AND u.user_id = s.user_id
       JOIN app.tenants t ON t.tenant_id = s.tenant_id
       LEFT JOIN app.permission_groups g ON g.tenant_id = u.tenant_id AND g.group_id = u.group_id
      WHERE s.tenant_id = ${tenant} AND s.token_hash = ${hash} AND s.revoked_at IS NULL
        AND s.expires_at > now()
        AND s.last_seen_at > now() - make_interval(mins => t.idle_timeout_minutes)
        AND u.is_active`,
    `UPDATE app.sessions SET last_seen_at = now()
      WHERE tenant_id = ${tenant} AND token_hash = ${hash}
        AND last_seen_at < now() - interval '1 minute'`,
  ]);
  const row = tx.preludeResults[0]?.rows[0] as SessionRow | undefined;
  if (!row) {
    await tx.rollback();
    return null;
  }
  return {
    tx,
    principal: {
      tenantId: token.tenantId,
      userId: row.user_id,
      sessionId: row.session_id,
      loginId: row.login_id,
      name: row.name,
      isOrgAdmin: row.is_org_admin,
      mustChangePassword: row.must_change_password,
      sessionStage: row.stage,
      mfaEnabled: row.mfa_enabled,
      permissions: new Set(row.permissions.filter(isPermission) as Permission[]),
    },
  };
}
