import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLifecycleScheduler } from '../../src/server/modules/lifecycle/lifecycle-scheduler';
import { createTenant } from '../../src/server/modules/organization/create-tenant';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** The in-app timer: started with the app, it purges an overdue tenant on its first pass. */
let db: TestDatabase;
const origin = { actorLabel: 'test', ip: '127.0.0.1', userAgent: 'vitest', requestId: 'sched' };
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

it('purges an overdue tenant at start and keeps a running one', async () => {
  const admin = { loginId: 'admin', name: '管理者', password: 'x'.repeat(20) };
  const overdue = await createTenant(db.pool, { code: 'late', name: '遅延', admin }, origin);
  const running = await createTenant(db.pool, { code: 'live', name: '継続', admin }, origin);
  await db.superuser.query(
    "UPDATE app.tenants SET status = 'ended', plan = 'standard', contract_ended_at = now() - interval '30 days' WHERE tenant_id = $1",
    [overdue.tenantId],
  );
  const logged: unknown[] = [];
  const scheduler = startLifecycleScheduler({
    ownerUrl: db.ownerUrl,
    policy: { graceDaysTrial: 5, graceDaysPaid: 21 },
    appOrigin: undefined,
    log: {
      info: (entry: unknown) => logged.push(entry),
      warn: (entry: unknown) => logged.push(entry),
      debug: () => {},
    },
    intervalMs: 60_000,
  });
  await scheduler.stop();
  const { rows } = await db.superuser.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM app.tenants',
  );
  expect(rows.map((row) => row.tenant_id)).toEqual([running.tenantId]);
  const deletions = await db.superuser.query('SELECT deleted_tenant_id FROM app.tenant_deletions');
  expect(deletions.rows).toEqual([{ deleted_tenant_id: overdue.tenantId }]);
  expect(logged).toEqual([expect.objectContaining({ purged: [overdue.tenantId] })]);
});
