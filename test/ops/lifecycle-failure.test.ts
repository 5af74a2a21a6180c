import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runLifecycle } from '../../src/server/modules/lifecycle/run-lifecycle';
import { createTenant } from '../../src/server/modules/organization/create-tenant';
import { createPool } from '../../src/server/platform/db/pool';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * A purge is all or nothing: when deleting fails half-way, not one row of the tenant is gone,
 * no deletion record is written, the failure is reported, and the other due tenant is still
 * purged in the same pass.
 */
let db: TestDatabase;
let ownerPool: pg.Pool;
const origin = { actorLabel: 'test', ip: '127.0.0.1', userAgent: 'vitest', requestId: 'fail' };
beforeAll(async () => {
  db = await createTestDatabase();
  ownerPool = createPool(db.ownerUrl, 2);
});
afterAll(async () => {
  await ownerPool.end();
  await db.drop();
});

async function countRows(tenantId: string): Promise<number> {
  const { rows } = await db.superuser.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM app.audit_log WHERE tenant_id = $1)
          + (SELECT count(*) FROM app.users WHERE tenant_id = $1)
          + (SELECT count(*) FROM app.units WHERE tenant_id = $1)
          + (SELECT count(*) FROM app.tenants WHERE tenant_id = $1) AS n`,
    [tenantId],
  );
  return Number(rows[0]?.n);
}

it('rolls a failing purge back completely and still purges the next tenant', async () => {
  const admin = { loginId: 'admin', name: '管理者', password: 'x'.repeat(20) };
  const stuck = await createTenant(db.pool, { code: 'a-stuck', name: '失敗', admin }, origin);
  const due = await createTenant(db.pool, { code: 'b-due', name: '期限', admin }, origin);
  await db.superuser.query(
    "UPDATE app.tenants SET status = 'ended', plan = 'trial', contract_ended_at = now() - interval '6 days'",
  );
  // Processed first (by code). Deleting its users fails after its audit rows, units … are already deleted.
  await db.superuser.query(`
    CREATE FUNCTION app.refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.tenant_id = '${stuck.tenantId}' THEN RAISE EXCEPTION 'simulated failure'; END IF;
      RETURN OLD;
    END $$;
    CREATE TRIGGER refuse_delete BEFORE DELETE ON app.users
      FOR EACH ROW EXECUTE FUNCTION app.refuse_delete();`);
  const before = await countRows(stuck.tenantId);
  expect(before).toBeGreaterThan(5);

  const report = await runLifecycle({
    ownerPool,
    now: new Date(),
    policy: { graceDaysTrial: 5, graceDaysPaid: 21 },
    horizonMs: 3_600_000,
    appOrigin: undefined,
  });
  expect(report.failed).toEqual([{ tenantId: stuck.tenantId, error: 'simulated failure' }]);
  expect(report.purged.map((r) => r.deletedTenantId)).toEqual([due.tenantId]);
  expect(await countRows(stuck.tenantId)).toBe(before);
  expect(await countRows(due.tenantId)).toBe(0);
  const records = await db.superuser.query('SELECT deleted_tenant_id FROM app.tenant_deletions');
  expect(records.rows).toEqual([{ deleted_tenant_id: due.tenantId }]);
});
