import { sql } from 'drizzle-orm';
import type { AuditEvent } from '../../../platform/audit/audit-events';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { customers } from '../customers/customer.table';
import type { PartnerType } from './classification.schema';
import { customerClassifications, type PartnerClassificationTable } from './classification.table';

/**
 * What the partner-agnostic classification code needs to know of one partner type. 仕入先:
 * add `supplier_classifications` (partnerClassificationTable in classification.table.ts) and a
 * binding here; nothing else in this module changes.
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
}

export const partnerBindings: Partial<Record<PartnerType, PartnerBinding>> = {
  customer: {
    assignments: customerClassifications,
    auditTarget: 'customer',
    auditEvent: 'customer.classification_changed',
    async touch(tx, ids) {
      if (ids.length === 0) return;
      await tx.db
        .update(customers)
        .set({ version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
        .where(
          sql`${customers.tenantId} = ${tx.tenantId} and ${customers.customerId} = any(${uuidArray(ids)})`,
        );
    },
  },
};

/** One bind parameter for any number of ids (drizzle would expand a JS array into a list). */
export function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
