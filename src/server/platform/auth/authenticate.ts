import type pg from 'pg';
import { isPermission, type Permission } from '../../../domain/access/permissions';
import { preparedStatement } from '../db/prepared-statement';
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
  permissions: string[];
}

// Parsed and planned once per connection: the join is most of the session check's cost.
const findSession = preparedStatement(
  'akinai_find_session',
  ['uuid', 'bytea'],
  `SELECT s.session_id, s.user_id, u.login_id, u.name, u.is_org_admin, u.must_change_password,
          coalesce(g.permissions, '{}') AS permissions
     FROM app.sessions s
     JOIN app.users u ON u.tenant_id = s.tenant_id AND u.user_id = s.user_id
     JOIN app.tenants t ON t.tenant_id = s.tenant_id
     LEFT JOIN app.permission_groups g ON g.tenant_id = u.tenant_id AND g.group_id = u.group_id
    WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.revoked_at IS NULL
      AND s.expires_at > now()
      AND s.last_seen_at > now() - make_interval(mins => t.idle_timeout_minutes)
      AND u.is_active`,
);

const touchSession = preparedStatement(
  'akinai_touch_session',
  ['uuid', 'bytea'],
  `UPDATE app.sessions SET last_seen_at = now()
    WHERE tenant_id = $1 AND token_hash = $2 AND last_seen_at < now() - interval '1 minute'`,
);

/**
 * Resolves a session cookie into a principal and leaves the tenant transaction open for the
 * request, all in one round trip. The session counts as alive until the tenant's idle timeout
 * or the absolute timeout; last_seen_at moves at most once a minute to spare writes.
 */
export async function authenticateSession(
  pool: pg.Pool,
  token: SessionToken,
): Promise<{ principal: Principal; tx: OpenTenantTransaction } | null> {
  // Both arguments are safe to inline: a validated UUID and hex digits we produced.
  const args = `'${token.tenantId}', decode('${token.tokenHash.toString('hex')}', 'hex')`;
  const tx = await openTenantTransaction(pool, token.tenantId, {
    statements: [`EXECUTE ${findSession.name}(${args})`, `EXECUTE ${touchSession.name}(${args})`],
    prepared: [findSession, touchSession],
  });
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
      permissions: new Set(row.permissions.filter(isPermission) as Permission[]),
    },
  };
}
