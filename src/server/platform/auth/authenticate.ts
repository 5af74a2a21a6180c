import type pg from 'pg';
import { isPermission, type Permission } from '../../../domain/access/permissions';
import { preparedStatement } from '../db/prepared-statement';
import { type OpenTenantTransaction, openTenantTransaction } from '../db/tenant-transaction';
import type { ApiTokenCredential } from './api-token';
import type { Principal } from './principal';
import type { SessionToken } from './session-token';

interface SessionRow {
  session_id: string;
  user_id: string;
  login_id: string;
  name: string;
  is_org_admin: boolean;
  must_change_password: boolean;
  password_expired: boolean;
  password_days_left: number | null;
  stage: 'full' | 'mfa' | 'mfa_enrol';
  mfa_enabled: boolean;
  permissions: string[];
  tenant_read_only: boolean;
}

interface ApiTokenRow {
  token_id: string;
  user_id: string;
  login_id: string;
  name: string;
  permissions: string[];
  tenant_read_only: boolean;
}

type Authenticated = { principal: Principal; tx: OpenTenantTransaction };

/** Both values are safe to inline: a validated UUID and hex digits we produced. */
function executeArguments(credential: { tenantId: string; tokenHash: Buffer }): string {
  return `'${credential.tenantId}', decode('${credential.tokenHash.toString('hex')}', 'hex')`;
}

const passwordExpiry = 'make_interval(days => ts.password_expiry_days)';

// An ended contract, or a trial past its end date that the lifecycle job has not yet marked
// ended: the tenant may read and export, not write (ADR 0017). Same rule as
// domain/lifecycle/purge-policy.ts effectiveContractEnd().
const tenantReadOnly = `(t.status = 'ended' OR (t.status = 'trial' AND t.trial_ends_at <= now())) AS tenant_read_only`;

// Parsed and planned once per connection: the join is most of the session check's cost. The
// touch rides in the same statement (a data-modifying CTE runs whether or not it is read) and
// sees the same snapshot; a request that finds no session rolls it back.
const findSession = preparedStatement(
  'akinai_find_session',
  ['uuid', 'bytea'],
  `WITH touched AS (
     UPDATE app.sessions SET last_seen_at = now()
      WHERE tenant_id = $1 AND token_hash = $2 AND last_seen_at < now() - interval '1 minute'
   )
   SELECT s.session_id, s.user_id, u.login_id, u.name, u.is_org_admin, u.must_change_password,
          s.stage, u.mfa_enabled_at IS NOT NULL AS mfa_enabled,
          coalesce(g.permissions, '{}') AS permissions,
          (ts.password_expiry_days > 0
            AND u.password_changed_at + ${passwordExpiry} <= now()) AS password_expired,
          CASE WHEN ts.password_expiry_days > 0 AND ts.password_notice_days > 0
                AND u.password_changed_at + ${passwordExpiry}
                    <= now() + make_interval(days => ts.password_notice_days)
            THEN ceil(extract(epoch FROM u.password_changed_at + ${passwordExpiry} - now()) / 86400)::int
          END AS password_days_left,
          ${tenantReadOnly}
     FROM app.sessions s
     JOIN app.users u ON u.tenant_id = s.tenant_id AND u.user_id = s.user_id
     JOIN app.tenant_settings ts ON ts.tenant_id = s.tenant_id
     JOIN app.tenants t ON t.tenant_id = s.tenant_id
     LEFT JOIN app.permission_groups g ON g.tenant_id = u.tenant_id AND g.group_id = u.group_id
    WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.revoked_at IS NULL
      AND s.expires_at > now()
      AND s.last_seen_at > now() - make_interval(mins => ts.idle_timeout_minutes)
      AND u.is_active`,
);

// As for sessions: lookup and last_used_at touch in one statement.
const findApiToken = preparedStatement(
  'akinai_find_api_token',
  ['uuid', 'bytea'],
  `WITH touched AS (
     UPDATE app.api_tokens SET last_used_at = now()
      WHERE tenant_id = $1 AND token_hash = $2 AND revoked_at IS NULL
        AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
   )
   SELECT k.token_id, u.user_id, u.login_id, u.name,
          ARRAY(SELECT unnest(k.scope)
                INTERSECT
                SELECT unnest(CASE WHEN u.is_org_admin THEN k.scope
                                   ELSE coalesce(g.permissions, '{}') END)) AS permissions,
          ${tenantReadOnly}
     FROM app.api_tokens k
     JOIN app.users u ON u.tenant_id = k.tenant_id AND u.user_id = k.user_id
     JOIN app.tenants t ON t.tenant_id = k.tenant_id
     LEFT JOIN app.permission_groups g ON g.tenant_id = u.tenant_id AND g.group_id = u.group_id
    WHERE k.tenant_id = $1 AND k.token_hash = $2 AND k.revoked_at IS NULL
      AND k.expires_at > now() AND u.is_active`,
);

/**
 * Resolves a session cookie into a principal and leaves the tenant transaction open for the
 * request, all in one round trip. The session counts as alive until the tenant's idle timeout
 * or the absolute timeout; last_seen_at moves at most once a minute to spare writes. The same
 * row says whether the password has outlived the tenant's expiry period (ADR 0010).
 */
export async function authenticateSession(
  pool: pg.Pool,
  token: SessionToken,
): Promise<Authenticated | null> {
  const args = executeArguments(token);
  const tx = await openTenantTransaction(pool, token.tenantId, {
    statements: [`EXECUTE ${findSession.name}(${args})`],
    prepared: [findSession],
  });
  const row = tx.preludeResults[0]?.rows[0] as SessionRow | undefined;
  if (!row) {
    await tx.rollback();
    return null;
  }
  const reason = row.must_change_password ? 'initial' : row.password_expired ? 'expired' : null;
  return {
    tx,
    principal: {
      tenantId: token.tenantId,
      userId: row.user_id,
      sessionId: row.session_id,
      apiTokenId: null,
      loginId: row.login_id,
      name: row.name,
      isOrgAdmin: row.is_org_admin,
      mustChangePassword: reason !== null,
      passwordChangeReason: reason,
      passwordExpiresInDays: reason === null ? row.password_days_left : null,
      sessionStage: row.stage,
      mfaEnabled: row.mfa_enabled,
      permissions: toPermissions(row.permissions),
      tenantReadOnly: row.tenant_read_only,
    },
  };
}

/**
 * Resolves a personal API token, in the same single round trip as a session. The token grants
 * its scope intersected with what its owner may do right now, never org-admin powers; a
 * disabled owner or an expired or revoked token finds no row. last_used_at moves at most once
 * a minute.
 */
export async function authenticateApiToken(
  pool: pg.Pool,
  credential: ApiTokenCredential,
): Promise<Authenticated | null> {
  const args = executeArguments(credential);
  const tx = await openTenantTransaction(pool, credential.tenantId, {
    statements: [`EXECUTE ${findApiToken.name}(${args})`],
    prepared: [findApiToken],
  });
  const row = tx.preludeResults[0]?.rows[0] as ApiTokenRow | undefined;
  if (!row) {
    await tx.rollback();
    return null;
  }
  return {
    tx,
    principal: {
      tenantId: credential.tenantId,
      userId: row.user_id,
      sessionId: null,
      apiTokenId: row.token_id,
      loginId: row.login_id,
      name: row.name,
      isOrgAdmin: false,
      mustChangePassword: false,
      passwordChangeReason: null,
      passwordExpiresInDays: null,
      // A token stands for a finished sign-in: it was issued from a full session.
      sessionStage: 'full',
      mfaEnabled: false,
      permissions: toPermissions(row.permissions),
      tenantReadOnly: row.tenant_read_only,
    },
  };
}

function toPermissions(values: string[]): ReadonlySet<Permission> {
  return new Set(values.filter(isPermission) as Permission[]);
}
