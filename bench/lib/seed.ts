import type pg from 'pg';
import {
  type TenantTransaction,
  withTenantTransaction,
} from '../../src/server/platform/db/tenant-transaction';
import type { GeneratedCustomer } from './data';

const CHUNK = 10_000;

/** A generated customer, with the 担当者 and 部門 a list filter can point at when it has them. */
export type SeedCustomer = GeneratedCustomer & {
  staffUserId?: string | null;
  departmentId?: string | null;
};

/**
 * Bulk insert as the runtime role, inside the tenant's transaction like every app write, so
 * row-level security checks each row. One unnest() statement per 10,000 rows.
 */
export async function insertCustomers(
  pool: pg.Pool,
  tenantId: string,
  rows: readonly SeedCustomer[],
): Promise<void> {
  await withTenantTransaction(pool, tenantId, (tx) => insertCustomerRows(tx, rows));
}

/** insertCustomers inside a transaction the caller holds. */
export async function insertCustomerRows(
  tx: TenantTransaction,
  rows: readonly SeedCustomer[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const column = <K extends keyof SeedCustomer>(key: K) => chunk.map((row) => row[key] ?? null);
    await tx.client.query(
      `INSERT INTO app.customers (tenant_id, customer_id, code, name, kana, short_name, honorific,
         postal_code, address1, address2, phone, fax, email, notes, is_active, search_name,
         search_kana, staff_user_id, department_id)
       SELECT $1::uuid, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
         $14::text[], $15::boolean[], $16::text[], $17::text[], $18::uuid[], $19::uuid[])`,
      [
        tx.tenantId,
        column('customerId'),
        column('code'),
        column('name'),
        column('kana'),
        column('shortName'),
        column('honorific'),
        column('postalCode'),
        column('address1'),
        column('address2'),
        column('phone'),
        column('fax'),
        column('email'),
        column('notes'),
        column('isActive'),
        column('searchName'),
        column('searchKana'),
        column('staffUserId'),
        column('departmentId'),
      ],
    );
  }
}
