import { type Column, sql } from 'drizzle-orm';
import type { AuditEvent } from '../../../platform/audit/audit-events';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { customers } from '../customers/customer.table';
import { findCustomerIds } from '../customers/find-customers';
import type { PartnerSearch } from '../shared/partner.schema';
import { findSupplierIds } from '../suppliers/find-suppliers';
import { suppliers } from '../suppliers/supplier.table';
import type { PartnerType } from './classification.schema';
import {
  customerClassifications,
  type PartnerClassificationTable,
  supplierClassifications,
} from './classification.table';

/**
 * What the partner-agnostic classification code needs to know of one partner type: another
 * partner type = one partnerClassificationTable in classification.table.ts and a binding here.
 */
export interface PartnerBinding {
  assignments: PartnerClassificationTable;
  auditTarget: string;
  /** One audit row per partner whose classification changed outside its own form. */
  auditEvent: AuditEvent;
  /**
   * A classification changed by bulk assignment or an item's deletion bumps the partner's
   * version, so a form opened before it cannot silently write the old classification back.
   */
  touch(tx: TenantTransaction, partnerIds: readonly string[]): Promise<void>;
  /** Which of these ids are partners of this tenant. */
  existing(tx: TenantTransaction, partnerIds: readonly string[]): Promise<string[]>;
  /** Ids of the partners a list search matches, at most `limit` (検索結果すべて). */
  search(tx: TenantTransaction, search: PartnerSearch, limit: number): Promise<string[]>;
}

export const partnerBindings: Partial<Record<PartnerType, PartnerBinding>> = {
  customer: {
    assignments: customerClassifications,
    auditTarget: 'customer',
    auditEvent: 'customer.classification_changed',
    touch: (tx, ids) => bumpVersions(tx, customers, customers.customerId, ids),
    existing: (tx, ids) => existingIds(tx, customers, customers.customerId, ids),
    search: findCustomerIds,
  },
  supplier: {
    assignments: supplierClassifications,
    auditTarget: 'supplier',
    auditEvent: 'supplier.classification_changed',
    touch: (tx, ids) => bumpVersions(tx, suppliers, suppliers.supplierId, ids),
    existing: (tx, ids) => existingIds(tx, suppliers, suppliers.supplierId, ids),
    search: findSupplierIds,
  },
};

async function bumpVersions(
  tx: TenantTransaction,
  table: typeof customers | typeof suppliers,
  idColumn: Column,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await tx.db
    .update(table)
    .set({ version: sql`${table.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${table.tenantId} = ${tx.tenantId} and ${idColumn} = any(${uuidArray(ids)})`);
}

async function existingIds(
  tx: TenantTransaction,
  table: typeof customers | typeof suppliers,
  idColumn: Column,
  ids: readonly string[],
): Promise<string[]> {
  const rows = await tx.db
    .select({ id: sql<string>`${idColumn}` })
    .from(table)
    .where(sql`${table.tenantId} = ${tx.tenantId} and ${idColumn} = any(${uuidArray(ids)})`);
  return rows.map((row) => row.id);
}

/** One bind parameter for any number of ids (drizzle would expand a JS array into a list). */
export function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
