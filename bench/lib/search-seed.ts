import type pg from 'pg';
import { insertTenant } from '../../src/server/modules/organization/create-tenant';
import {
  type TenantTransaction,
  withTenantTransaction,
} from '../../src/server/platform/db/tenant-transaction';
import { uuidv7 } from '../../src/server/platform/db/uuid';
import { createRandom, type GeneratedCustomer, generateCustomers } from './data';
import { insertCustomerRows } from './seed';

/**
 * Tenants for the search benchmark (issue 4 item 6): what a list filter can point at (担当者,
 * 部門, 分類 items on the three default axes) and customers that use them, inserted as the
 * runtime role inside each tenant's transaction so row-level security checks every row.
 */

const CHUNK = 10_000;

/** Items per default axis (地域, 業種, ランク); the first items are the most used. */
const axisItems: readonly (readonly string[])[] = [
  ['北海道', '東北', '関東', '中部', '近畿', '中国', '四国', '九州'],
  ['製造', '卸売', '小売', '建設', '運輸', '情報通信', '医療', 'サービス', '不動産', '飲食'],
  ['A', 'B', 'C'],
];

export interface SeededTenant {
  tenantId: string;
  staffIds: string[];
  departmentIds: string[];
  /** Item ids per axis, in axisItems order. */
  itemIds: string[][];
  customers: SeededCustomer[];
}

export interface SeededCustomer extends GeneratedCustomer {
  staffUserId: string | null;
  departmentId: string | null;
  itemIds: string[];
}

export interface TenantSpec {
  code: string;
  name: string;
  customers: number;
  seed: number;
  staff: number;
  departments: number;
}

/** Creates the tenant (as sign-up does, with a precomputed admin hash) and its search data. */
export async function createSearchTenant(
  pool: pg.Pool,
  spec: TenantSpec,
  adminPasswordHash: string,
): Promise<SeededTenant> {
  const tenantId = uuidv7();
  return withTenantTransaction(pool, tenantId, async (tx) => {
    await insertTenant(
      tx,
      {
        code: spec.code,
        name: spec.name,
        admin: { loginId: 'admin', name: '管理者', password: '' },
      },
      adminPasswordHash,
      { actorLabel: 'bench', ip: '127.0.0.1', userAgent: 'akinai-bench', requestId: 'bench' },
    );
    return seedSearchData(tx, spec);
  });
}

/** Search data for an existing tenant (the demo tenant the bench signs in to). */
export function seedExistingTenant(
  pool: pg.Pool,
  tenantId: string,
  spec: TenantSpec,
): Promise<SeededTenant> {
  return withTenantTransaction(pool, tenantId, (tx) => seedSearchData(tx, spec));
}

async function seedSearchData(tx: TenantTransaction, spec: TenantSpec): Promise<SeededTenant> {
  const random = createRandom(spec.seed ^ 0x5eed);
  const { tenantId } = tx;
  const staffIds = Array.from({ length: spec.staff }, () => uuidv7());
  if (staffIds.length > 0) {
    await tx.client.query(
      `INSERT INTO app.users (tenant_id, user_id, login_id, name, password_hash)
       SELECT $1::uuid, id, 'staff' || n, '営業' || n, '!' FROM unnest($2::uuid[]) WITH ORDINALITY AS s(id, n)`,
      [tenantId, staffIds],
    );
  }
  const departmentIds = Array.from({ length: spec.departments }, () => uuidv7());
  if (departmentIds.length > 0) {
    await tx.client.query(
      `INSERT INTO app.departments (tenant_id, department_id, code, name)
       SELECT $1::uuid, id, 'D' || lpad(n::text, 2, '0'), '第' || n || '営業部' FROM unnest($2::uuid[]) WITH ORDINALITY AS s(id, n)`,
      [tenantId, departmentIds],
    );
  }
  const { rows: axes } = await tx.client.query<{ axis_id: string }>(
    `SELECT axis_id FROM app.classification_axes
     WHERE tenant_id = $1 AND partner_type = 'customer' ORDER BY sort_order LIMIT $2`,
    [tenantId, axisItems.length],
  );
  const itemIds: string[][] = [];
  for (const [axisIndex, axis] of axes.entries()) {
    const names = axisItems[axisIndex]!;
    const ids = names.map(() => uuidv7());
    await tx.client.query(
      `INSERT INTO app.classification_items (tenant_id, item_id, axis_id, code, name, sort_order)
       SELECT $1::uuid, id, $2::uuid, lpad(n::text, 2, '0'), name, n * 10
       FROM unnest($3::uuid[], $4::text[]) WITH ORDINALITY AS s(id, name, n)`,
      [tenantId, axis.axis_id, ids, names],
    );
    itemIds.push(ids);
  }

  // Skewed like a real master: a few staff, departments and items carry most customers.
  const skewed = <T>(items: readonly T[]): T => items[Math.floor(random() ** 2 * items.length)]!;
  const customers: SeededCustomer[] = generateCustomers(spec.customers, spec.seed).map((row) => ({
    ...row,
    staffUserId: staffIds.length > 0 && random() < 0.9 ? skewed(staffIds) : null,
    departmentId: departmentIds.length > 0 && random() < 0.9 ? skewed(departmentIds) : null,
    itemIds: itemIds.flatMap((ids) => (random() < 0.85 ? [skewed(ids)] : [])),
  }));
  await insertCustomerRows(tx, customers);
  const axisOfItem = new Map(itemIds.flatMap((ids, i) => ids.map((id) => [id, axes[i]!.axis_id])));
  const assignments = customers.flatMap((row) =>
    row.itemIds.map((itemId) => [row.customerId, axisOfItem.get(itemId)!, itemId] as const),
  );
  for (let start = 0; start < assignments.length; start += CHUNK * 3) {
    const chunk = assignments.slice(start, start + CHUNK * 3);
    await tx.client.query(
      `INSERT INTO app.customer_classifications (tenant_id, customer_id, axis_id, item_id)
       SELECT $1::uuid, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[])`,
      [tenantId, chunk.map((a) => a[0]), chunk.map((a) => a[1]), chunk.map((a) => a[2])],
    );
  }
  return { tenantId, staffIds, departmentIds, itemIds, customers };
}
