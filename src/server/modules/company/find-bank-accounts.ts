import { asc, eq } from 'drizzle-orm';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { BankAccount } from './bank-account.schema';
import { companyBankAccounts } from './bank-account.table';
import { toBankAccount } from './bank-account-row';

/** In the order invoices print them. */
export async function findBankAccounts(tx: TenantTransaction): Promise<{ items: BankAccount[] }> {
  const rows = await tx.db
    .select()
    .from(companyBankAccounts)
    .where(eq(companyBankAccounts.tenantId, tx.tenantId))
    .orderBy(asc(companyBankAccounts.sortOrder), asc(companyBankAccounts.bankAccountId));
  return { items: rows.map(toBankAccount) };
}
