import { writeAudit } from '../../platform/audit/write-audit';
import type { OperatorActor } from '../../platform/auth/operator-principal';
import type { ActorContext } from '../../platform/auth/principal';
import { enterTenant, type OperatorTransaction } from '../../platform/db/operator-transaction';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { countActiveUsers } from '../identity/user-guards';
import type { ConvertTenantRequest } from './operator.schema';
import { writeOperatorAudit } from './write-operator-audit';

interface LockedTenant {
  code: string;
  status: 'trial' | 'active' | 'ended';
  plan: string;
  seatLimit: number;
}

/**
 * Contract changes run in the tenant's own RLS context inside the operator transaction: the
 * tenant row is locked (user creation takes the same lock, so a seat cannot be taken while
 * the limit shrinks), and the tenant's audit log and the operator log are written together.
 */
async function lockTenantForContract(
  tx: OperatorTransaction,
  tenantId: string,
): Promise<{ tenantTx: TenantTransaction; tenant: LockedTenant }> {
  const tenantTx = await enterTenant(tx, tenantId);
  const { rows } = await tx.client.query<{
    code: string;
    status: LockedTenant['status'];
    plan: string;
    seat_limit: number;
  }>('SELECT code, status, plan, seat_limit FROM app.tenants WHERE tenant_id = $1 FOR UPDATE', [
    tenantId,
  ]);
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return {
    tenantTx,
    tenant: { code: row.code, status: row.status, plan: row.plan, seatLimit: row.seat_limit },
  };
}

/** The tenant's audit log records operator actions under a label naming the operator. */
export function tenantActorFor(actor: OperatorActor, tenantId: string): ActorContext {
  return {
    tenantId,
    userId: null,
    actorLabel: actor.actorLabel,
    ip: actor.ip,
    userAgent: actor.userAgent,
    requestId: actor.requestId,
  };
}

async function assertSeatsFit(tenantTx: TenantTransaction, seatLimit: number) {
  const used = await countActiveUsers(tenantTx);
  if (seatLimit < used) {
    throw new AppError('seat_limit_below_usage', {
      detail: `利用中の担当者は${used}人です。`,
      errors: [{ path: 'seatLimit', message: `${used}以上を指定してください（利用中 ${used}人）` }],
    });
  }
}

/** 無料トライアル → 有料契約: plan, seat limit, status active; the trial end is cleared. */
export async function convertTrial(
  tx: OperatorTransaction,
  actor: OperatorActor,
  tenantId: string,
  input: ConvertTenantRequest,
): Promise<void> {
  const { tenantTx, tenant } = await lockTenantForContract(tx, tenantId);
  if (tenant.status !== 'trial') throw new AppError('tenant_not_in_trial');
  await assertSeatsFit(tenantTx, input.seatLimit);
  await tx.client.query(
    `UPDATE app.tenants SET status = 'active', plan = $2, seat_limit = $3, trial_ends_at = NULL
      WHERE tenant_id = $1`,
    [tenantId, input.plan, input.seatLimit],
  );
  const before = { status: tenant.status, plan: tenant.plan, seatLimit: tenant.seatLimit };
  const after = { status: 'active', plan: input.plan, seatLimit: input.seatLimit };
  await writeAudit(tenantTx, tenantActorFor(actor, tenantId), {
    event: 'tenant.converted',
    targetType: 'tenant',
    targetId: tenantId,
    before,
    after,
  });
  await writeOperatorAudit(tx, actor, {
    event: 'tenant.converted',
    targetType: 'tenant',
    targetId: tenant.code,
    targetTenantId: tenantId,
    detail: { before, after },
  });
}

/** Never below the seats in use: nobody is switched off by a contract change. */
export async function changeSeatLimit(
  tx: OperatorTransaction,
  actor: OperatorActor,
  tenantId: string,
  seatLimit: number,
): Promise<void> {
  const { tenantTx, tenant } = await lockTenantForContract(tx, tenantId);
  if (tenant.status === 'ended') throw new AppError('tenant_contract_ended');
  await assertSeatsFit(tenantTx, seatLimit);
  await tx.client.query('UPDATE app.tenants SET seat_limit = $2 WHERE tenant_id = $1', [
    tenantId,
    seatLimit,
  ]);
  await writeAudit(tenantTx, tenantActorFor(actor, tenantId), {
    event: 'tenant.seat_limit_changed',
    targetType: 'tenant',
    targetId: tenantId,
    before: { seatLimit: tenant.seatLimit },
    after: { seatLimit },
  });
  await writeOperatorAudit(tx, actor, {
    event: 'tenant.seat_limit_changed',
    targetType: 'tenant',
    targetId: tenant.code,
    targetTenantId: tenantId,
    detail: { before: tenant.seatLimit, after: seatLimit },
  });
}

/**
 * Sets the contract state only (status 'ended', contract_ended_at); what follows — read-only
 * mode, export, purge — belongs to the data-lifecycle module.
 */
export async function endContract(
  tx: OperatorTransaction,
  actor: OperatorActor,
  tenantId: string,
  confirmCode: string,
): Promise<void> {
  const { tenantTx, tenant } = await lockTenantForContract(tx, tenantId);
  if (confirmCode !== tenant.code) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'confirmCode', message: '組織コードが一致しません' }],
    });
  }
  if (tenant.status === 'ended') throw new AppError('tenant_contract_ended');
  const { rows } = await tx.client.query<{ ended_at: Date }>(
    `UPDATE app.tenants SET status = 'ended', contract_ended_at = now()
      WHERE tenant_id = $1 RETURNING contract_ended_at AS ended_at`,
    [tenantId],
  );
  const endedAt = rows[0]?.ended_at.toISOString();
  await writeAudit(tenantTx, tenantActorFor(actor, tenantId), {
    event: 'tenant.contract_ended',
    targetType: 'tenant',
    targetId: tenantId,
    before: { status: tenant.status },
    after: { status: 'ended', contractEndedAt: endedAt },
  });
  await writeOperatorAudit(tx, actor, {
    event: 'tenant.contract_ended',
    targetType: 'tenant',
    targetId: tenant.code,
    targetTenantId: tenantId,
    detail: { previousStatus: tenant.status, contractEndedAt: endedAt },
  });
}
