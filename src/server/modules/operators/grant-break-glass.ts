import { writeAudit } from '../../platform/audit/write-audit';
import type { OperatorActor, OperatorPrincipal } from '../../platform/auth/operator-principal';
import { enterTenant, type OperatorTransaction } from '../../platform/db/operator-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import { enqueueMail } from '../../platform/mail/enqueue-mail';
import type { BreakGlassRequest } from './operator.schema';
import { breakGlassMail } from './operator-mails';
import { tenantActorFor } from './ops-contract';
import { writeOperatorAudit } from './write-operator-audit';

/**
 * Break-glass (ADR 0016): a recorded, reasoned, time-limited grant for one operator on one
 * tenant. It is written to the tenant's own audit log and mailed to its org admins in the
 * same transaction, so no grant exists that the tenant was not told about. It opens no
 * session by itself: support tooling must find a live grant (activeBreakGlassGrant) first.
 */
export async function grantBreakGlass(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  actor: OperatorActor,
  tenantId: string,
  input: BreakGlassRequest,
): Promise<{ grantId: string; expiresAt: string }> {
  const tenantTx = await enterTenant(tx, tenantId);
  const { rows } = await tx.client.query<{ name: string; code: string; contact_email: string }>(
    'SELECT name, code, contact_email FROM app.tenants WHERE tenant_id = $1',
    [tenantId],
  );
  const tenant = rows[0];
  if (!tenant) throw new AppError('not_found');
  const grantId = uuidv7();
  const expiresAt = new Date(Date.now() + input.minutes * 60 * 1000);
  await tx.client.query(
    `INSERT INTO app.break_glass_grants (grant_id, target_tenant_id, operator_id, reason, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [grantId, tenantId, operator.operatorId, input.reason, expiresAt],
  );
  await writeAudit(tenantTx, tenantActorFor(actor, tenantId), {
    event: 'support.break_glass_granted',
    targetType: 'break_glass',
    targetId: grantId,
    after: {
      operator: operator.loginId,
      reason: input.reason,
      expiresAt: expiresAt.toISOString(),
    },
  });
  const { rows: admins } = await tx.client.query<{ email: string }>(
    `SELECT email FROM app.users
      WHERE tenant_id = $1 AND is_org_admin AND is_active AND email <> '' ORDER BY email`,
    [tenantId],
  );
  // Without an admin address the contract contact still hears of it.
  const recipients = admins.length > 0 ? admins.map((a) => a.email) : [tenant.contact_email];
  const mailTo = recipients.filter((address) => address !== '');
  if (mailTo.length > 0) {
    await enqueueMail(
      tenantTx,
      breakGlassMail(mailTo, {
        tenantName: tenant.name,
        operatorLoginId: operator.loginId,
        reason: input.reason,
        expiresAt,
      }),
    );
  }
  await writeOperatorAudit(tx, actor, {
    event: 'break_glass.granted',
    targetType: 'tenant',
    targetId: tenant.code,
    targetTenantId: tenantId,
    detail: {
      grantId,
      reason: input.reason,
      expiresAt: expiresAt.toISOString(),
      mailed: mailTo.length,
    },
  });
  return { grantId, expiresAt: expiresAt.toISOString() };
}

/** The check a support sign-in must pass: a grant for this operator and tenant, not expired. */
export async function activeBreakGlassGrant(
  tx: OperatorTransaction,
  operatorId: string,
  tenantId: string,
): Promise<{ grantId: string; expiresAt: Date } | null> {
  const { rows } = await tx.client.query<{ grant_id: string; expires_at: Date }>(
    `SELECT grant_id, expires_at FROM app.break_glass_grants
      WHERE operator_id = $1 AND target_tenant_id = $2 AND expires_at > now()
      ORDER BY expires_at DESC LIMIT 1`,
    [operatorId, tenantId],
  );
  const row = rows[0];
  return row ? { grantId: row.grant_id, expiresAt: row.expires_at } : null;
}
