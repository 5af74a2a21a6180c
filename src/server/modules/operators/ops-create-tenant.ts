import type { OperatorActor } from '../../platform/auth/operator-principal';
import { hashPassword } from '../../platform/auth/passwords';
import { enterTenant, type OperatorTransaction } from '../../platform/db/operator-transaction';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import { generateInitialPassword } from '../identity/initial-password';
import { INITIAL_PASSWORD_VALID_HOURS } from '../identity/user.schema';
import { insertTenant } from '../organization/create-tenant';
import type { CreateTenantRequest } from './operator.schema';
import { writeOperatorAudit } from './write-operator-audit';

/**
 * An operator creates a tenant with its first 組織管理者, who gets a generated initial password
 * (shown once to the operator, changed at first sign-in). Both audit logs are written in one
 * transaction: the tenant's own (actor 「運用者 …」) and the operator log.
 */
export async function opsCreateTenant(
  tx: OperatorTransaction,
  actor: OperatorActor,
  input: CreateTenantRequest,
  trialDays: number,
): Promise<{ tenantId: string; adminLoginId: string; initialPassword: string }> {
  const tenantId = uuidv7();
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const trialEndsAt =
    input.status === 'trial' ? new Date(Date.now() + trialDays * 24 * 60 * 60 * 1000) : null;
  await tx.client.query('SAVEPOINT create_tenant');
  try {
    const tenantTx = await enterTenant(tx, tenantId);
    await insertTenant(
      tenantTx,
      {
        code: input.code,
        name: input.name,
        seatLimit: input.seatLimit,
        status: input.status,
        plan: input.status === 'trial' ? 'trial' : input.plan,
        trialEndsAt,
        contactEmail: input.contactEmail,
        admin: {
          loginId: input.admin.loginId,
          name: input.admin.name,
          password: initialPassword,
          initialPasswordExpiresAt: new Date(
            Date.now() + INITIAL_PASSWORD_VALID_HOURS * 60 * 60 * 1000,
          ),
        },
      },
      passwordHash,
      actor,
    );
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_code_key')) {
      await tx.client.query('ROLLBACK TO SAVEPOINT create_tenant');
      throw new AppError('tenant_code_taken', {
        errors: [{ path: 'code', message: 'この組織コードは既に使われています' }],
      });
    }
    throw error;
  }
  await writeOperatorAudit(tx, actor, {
    event: 'tenant.created',
    targetType: 'tenant',
    targetId: input.code,
    targetTenantId: tenantId,
    detail: {
      name: input.name,
      status: input.status,
      plan: input.plan,
      seatLimit: input.seatLimit,
      adminLoginId: input.admin.loginId,
    },
  });
  return { tenantId, adminLoginId: input.admin.loginId, initialPassword };
}
