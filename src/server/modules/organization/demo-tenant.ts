import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { createTenant } from './create-tenant';
import { findTenantIdByCode } from './find-tenant-id-by-code';

export const DEMO_TENANT_CODE = 'demo';
export const DEMO_ADMIN_LOGIN_ID = 'admin';

/**
 * On the first start, a demo tenant with an org admin whose generated password is returned
 * once (the caller prints it); later starts find the tenant and return null. Several instances
 * starting at once on an empty database race here: the one whose insert loses to the unique
 * code returns null like a later start, instead of failing its start.
 */
export async function ensureDemoTenant(
  pool: pg.Pool,
  fixedPassword?: string,
): Promise<{ tenantCode: string; loginId: string; password: string } | null> {
  if (await findTenantIdByCode(pool, DEMO_TENANT_CODE)) return null;
  const password = fixedPassword ?? randomBytes(15).toString('base64url');
  try {
    await createTenant(
      pool,
      {
        code: DEMO_TENANT_CODE,
        name: 'デモ商事株式会社',
        seatLimit: 10,
        admin: { loginId: DEMO_ADMIN_LOGIN_ID, name: '管理者', password },
      },
      { actorLabel: 'system', ip: '127.0.0.1', userAgent: 'akinai-start', requestId: 'startup' },
    );
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_code_key')) return null;
    throw error;
  }
  return { tenantCode: DEMO_TENANT_CODE, loginId: DEMO_ADMIN_LOGIN_ID, password };
}
