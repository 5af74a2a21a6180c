import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit/verify-audit-chain';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  APP_PROCESS_PASSWORD,
  type AppProcess,
  callApi,
  startAppProcess,
} from '../support/app-process';
import { createTestDatabase, type TestDatabase } from '../support/database';
import {
  CUSTOMER_PREFIX,
  type MixedLoad,
  type MixedOutcome,
  PRODUCT_PREFIX,
  startMixedLoad,
} from './mixed-write-load';
import { signIn, until, untilResolved } from './write-load';

/**
 * Fault injection (issue 6 item 3): the app process is killed with SIGKILL while clients write,
 * twice: once with several multi-row writes provably half done (their rows written, COMMIT not
 * yet sent), once at an arbitrary moment. After each restart: every write the client saw
 * acknowledged is there with its content, no write is there in part, the audit chain verifies
 * and auto-numbered codes have no duplicates (nor gaps: a rolled-back number is reused).
 */
let db: TestDatabase;
let app: AppProcess | undefined;
let tenantId: string;
let cookie: string;
const GROUP_SIZE = 15;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startAppProcess(db);
  cookie = await signIn(app.url, APP_PROCESS_PASSWORD);
  const { rows } = await db.superuser.query<{ tenant_id: string }>(
    "SELECT tenant_id FROM app.tenants WHERE code = 'demo'",
  );
  tenantId = rows[0]!.tenant_id;
}, 90_000);
afterAll(async () => {
  await app?.kill();
  await db?.drop();
});

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await callApi<T>(app!.url, cookie, method, path, body);
  if (response.status >= 300) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** 自動採番 for customers and products, three axes with items, two groups of customers. */
async function prepare() {
  await call('PUT', '/api/v1/settings/code-numbering', {
    items: [
      { kind: 'customers', isAuto: true, width: 6, version: 0 },
      { kind: 'products', isAuto: true, width: 6, version: 0 },
    ],
  });
  const { axes } = await call<{ axes: { axisId: string }[] }>(
    'GET',
    '/api/v1/classification-axes?partnerType=customer',
  );
  const itemsOf = async (axisId: string, codes: string[]) => {
    const ids: string[] = [];
    for (const code of codes) {
      const item = await call<{ itemId: string }>(
        'POST',
        `/api/v1/classification-axes/${axisId}/items`,
        { code, name: `項目 ${code}` },
      );
      ids.push(item.itemId);
    }
    return ids;
  };
  const [first, second, bulk] = axes.map((axis) => axis.axisId);
  const customerClassifications = [
    { axisId: first!, itemId: (await itemsOf(first!, ['A1']))[0]! },
    { axisId: second!, itemId: (await itemsOf(second!, ['B1']))[0]! },
  ];
  const bulkItems = await itemsOf(bulk!, ['K1', 'K2', 'K3', 'K4', 'K5']);
  const bulkGroups = await Promise.all(
    [0, 1].map(async (group) => ({
      axisId: bulk!,
      itemIds: bulkItems,
      memberIds: await Promise.all(
        Array.from({ length: GROUP_SIZE }, async (_, member) => {
          const code = `G${group}-${String(member).padStart(2, '0')}`;
          const created = await call<{ customerId: string }>('POST', '/api/v1/customers', {
            code,
            name: `一括 ${code}`,
          });
          return created.customerId;
        }),
      ),
    })),
  );
  return { customerClassifications, bulkGroups };
}

/** Backends of the app (runtime role) inside a transaction that has written and now waits. */
async function parkedWriters(probe: pg.Client): Promise<{ pid: number; xid: string }[]> {
  const { rows } = await probe.query<{ pid: number; xid: string }>(
    `SELECT pid, backend_xid::text AS xid FROM pg_stat_activity
      WHERE datname = current_database() AND usename <> current_user
        AND backend_xid IS NOT NULL AND wait_event_type = 'Lock'`,
  );
  return rows;
}

async function restart(load: MixedLoad, moreAcknowledged: number) {
  app = await startAppProcess(db);
  const before = load.acknowledged().length;
  await until(() => load.acknowledged().length >= before + moreAcknowledged, 30_000);
}

describe('kill -9 of the app during writes', () => {
  it('loses no acknowledged write, leaves no half-written one and keeps codes unique', async () => {
    const setup = await prepare();
    const load = startMixedLoad({
      baseUrl: () => app!.url,
      cookie,
      customerWriters: 3,
      productWriters: 1,
      ...setup,
    });
    const locker = new pg.Client({ connectionString: db.superuserUrl });
    const probe = new pg.Client({ connectionString: db.superuserUrl });
    await locker.connect();
    await probe.connect();
    let parked: { pid: number; xid: string }[] = [];
    try {
      // Every writer has had writes acknowledged before the first kill.
      const acknowledgedBulk = (group: number) =>
        load.acknowledged('bulk').filter((o) => o.key.startsWith(`${group}:`)).length;
      await until(
        () =>
          load.acknowledged('customer').length >= 5 &&
          load.acknowledged('product').length >= 5 &&
          acknowledgedBulk(0) >= 3 &&
          acknowledgedBulk(1) >= 3,
        30_000,
      );

      // First kill, made deterministic: holding the tenant's audit chain head stops every
      // write at its audit row, after its data rows. One customer (the others queue on the
      // numbering lock before writing), one product and both bulk groups are then half done.
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM app.audit_chain_heads WHERE tenant_id = $1 FOR UPDATE', [
        tenantId,
      ]);
      parked = await untilResolved(
        () => parkedWriters(probe),
        (rows) => rows.length >= 4,
        20_000,
      );
      await app!.kill();
      await locker.query('ROLLBACK');
      // The orphaned backends run on, find their client gone and roll back: no COMMIT follows.
      await untilResolved(
        () =>
          probe.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[])', [
            parked.map((p) => p.pid),
          ]),
        (result) => result.rowCount === 0,
        20_000,
      );
      await restart(load, 20);

      // Second kill at whatever moment the load is at.
      await app!.kill();
      await restart(load, 20);
    } finally {
      await load.stop();
      await locker.end();
    }

    try {
      const { rows: fates } = await probe.query<{ status: string }>(
        'SELECT pg_xact_status(x::xid8) AS status FROM unnest($1::text[]) x',
        [parked.map((p) => p.xid)],
      );
      expect(fates.map((f) => f.status)).toEqual(parked.map(() => 'aborted'));
    } finally {
      await probe.end();
    }

    const unexpected = load.outcomes.filter(
      (o) => o.status !== 'network-error' && o.status !== 200 && o.status !== 201,
    );
    expect(unexpected).toEqual([]);
    expect(load.outcomes.filter((o) => o.status === 'network-error').length).toBeGreaterThan(0);

    await expectMastersWhole('customer', load.outcomes, setup.customerClassifications.length);
    await expectMastersWhole('product', load.outcomes, 0);
    await expectBulkGroupsWhole(load.outcomes, setup.bulkGroups);

    const chain = await withTenantTransaction(db.pool, tenantId, (tx) => verifyAuditChain(tx));
    expect(chain.firstBrokenSeq).toBeNull();
    expect(chain.rows).toBeGreaterThan(100);
  }, 120_000);
});

/**
 * Customers or products of the load: acknowledged ones stored with the code and name the
 * client was told; every stored one complete (its classification rows, exactly one audit row);
 * no audit row without its record; codes 000001…N without duplicates or gaps.
 */
async function expectMastersWhole(
  kind: 'customer' | 'product',
  outcomes: MixedOutcome[],
  classifications: number,
) {
  const [table, id, prefix] =
    kind === 'customer'
      ? (['customers', 'customer_id', CUSTOMER_PREFIX] as const)
      : (['products', 'product_id', PRODUCT_PREFIX] as const);
  const { rows } = await db.superuser.query<{
    code: string;
    name: string;
    assignments: number;
    audits: number;
  }>(
    // Products have no 分類: their count is 0 by construction.
    `SELECT m.code, m.name,
            ${kind === 'customer' ? `(SELECT count(*)::int FROM app.customer_classifications c WHERE c.tenant_id = m.tenant_id AND c.customer_id = m.customer_id)` : '0'} AS assignments,
            (SELECT count(*)::int FROM app.audit_log a
              WHERE a.tenant_id = m.tenant_id AND a.event = '${kind}.created'
                AND a.target_id = m.${id}::text) AS audits
       FROM app.${table} m WHERE m.tenant_id = $1 AND m.name LIKE $2 ORDER BY m.code`,
    [tenantId, `${prefix}%`],
  );
  const stored = new Map(rows.map((row) => [row.name, row]));
  const acknowledged = outcomes.filter((o) => o.kind === kind && o.status === 201);
  expect(acknowledged.length).toBeGreaterThanOrEqual(5);
  const lost = acknowledged.filter((o) => stored.get(o.key)?.code !== o.code);
  expect(lost).toEqual([]);
  const partial = rows.filter((row) => row.assignments !== classifications || row.audits !== 1);
  expect(partial).toEqual([]);
  const audited = await db.superuser.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM app.audit_log
      WHERE tenant_id = $1 AND event = '${kind}.created' AND after->>'name' LIKE $2`,
    [tenantId, `${prefix}%`],
  );
  expect(audited.rows[0]!.n).toBe(rows.length);
  expect(rows.map((row) => row.code)).toEqual(
    rows.map((_, index) => String(index + 1).padStart(6, '0')),
  );
}

/**
 * Each group's bulk writes, all or nothing: every member on the same item with the same
 * version and the same number of classification audit rows; that number lies between the
 * requests acknowledged and the requests sent, and the item is the last acknowledged one's
 * unless the next (unanswered) request committed after it.
 */
async function expectBulkGroupsWhole(
  outcomes: MixedOutcome[],
  groups: { memberIds: string[]; axisId: string; itemIds: string[] }[],
) {
  for (const [index, group] of groups.entries()) {
    const { rows } = await db.superuser.query<{ item_id: string; version: number; audits: number }>(
      `SELECT c.item_id, p.version,
              (SELECT count(*)::int FROM app.audit_log a
                WHERE a.tenant_id = p.tenant_id AND a.event = 'customer.classification_changed'
                  AND a.target_id = p.customer_id::text) AS audits
         FROM app.customers p
         LEFT JOIN app.customer_classifications c
           ON c.tenant_id = p.tenant_id AND c.customer_id = p.customer_id AND c.axis_id = $3
        WHERE p.tenant_id = $1 AND p.customer_id = ANY($2::uuid[])`,
      [tenantId, group.memberIds, group.axisId],
    );
    expect(rows).toHaveLength(group.memberIds.length);
    const distinct = (values: unknown[]) => [...new Set(values)];
    expect(distinct(rows.map((row) => row.item_id))).toHaveLength(1);
    expect(distinct(rows.map((row) => row.version))).toHaveLength(1);
    expect(distinct(rows.map((row) => row.audits))).toHaveLength(1);

    // Sequence n is sent until answered, then n + 1: each committed n moved every member once.
    const sent = outcomes.filter((o) => o.kind === 'bulk' && o.key.startsWith(`${index}:`));
    const sequence = (o: MixedOutcome) => Number(o.key.split(':')[1]);
    const acknowledged = new Set(sent.filter((o) => o.status === 200).map(sequence));
    const attempted = new Set(sent.map(sequence));
    const committed = rows[0]!.audits;
    expect(acknowledged.size).toBeGreaterThanOrEqual(3);
    expect(committed).toBeGreaterThanOrEqual(acknowledged.size);
    expect(committed).toBeLessThanOrEqual(attempted.size);
    // The last acknowledged request's item, or its successor's if that committed unanswered.
    const lastAcknowledged = Math.max(...acknowledged);
    const possible = [...attempted]
      .filter((n) => n >= lastAcknowledged)
      .map((n) => group.itemIds[n % group.itemIds.length]);
    expect(possible).toContain(rows[0]!.item_id);
  }
}
