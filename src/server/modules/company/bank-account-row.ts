import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { BankAccountType } from '../../../domain/company/bank-account';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { BankAccount } from './bank-account.schema';
import { companyBankAccounts } from './bank-account.table';

type Row = typeof companyBankAccounts.$inferSelect;

export function toBankAccount(row: Row): BankAccount {
  return {
    bankAccountId: row.bankAccountId,
    bankName: row.bankName,
    bankCode: row.bankCode,
    branchName: row.branchName,
    branchCode: row.branchCode,
    accountType: row.accountType as BankAccountType,
    accountNumber: row.accountNumber,
    accountHolder: row.accountHolder,
    sortOrder: row.sortOrder,
    isDefault: row.isDefault,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function bankAccountKey(tx: TenantTransaction, bankAccountId: string) {
  return and(
    eq(companyBankAccounts.tenantId, tx.tenantId),
    eq(companyBankAccounts.bankAccountId, bankAccountId),
  );
}

/**
 * Serialises the tenant's 振込先 writes: two admins marking different accounts as default at
 * once would otherwise both clear "the others" before either insert is visible and collide on
 * the one-default index, and parallel additions could pass the limit together.
 */
export async function lockBankAccounts(tx: TenantTransaction): Promise<void> {
  await tx.client.query(
    `SELECT pg_advisory_xact_lock(hashtextextended($1 || '|company_bank_accounts', 0))`,
    [tx.tenantId],
  );
}

/** The new default takes the mark from the old one before it is set (partial unique index). */
export async function clearOtherDefaults(tx: TenantTransaction, keepId: string): Promise<void> {
  await tx.db
    .update(companyBankAccounts)
    .set({ isDefault: false, version: sql`${companyBankAccounts.version} + 1` })
    .where(
      and(
        eq(companyBankAccounts.tenantId, tx.tenantId),
        eq(companyBankAccounts.isDefault, true),
        ne(companyBankAccounts.bankAccountId, keepId),
      ),
    );
}

/**
 * Invoices print the default account first, so while any account exists one is the default:
 * the first in display order takes the mark when it would otherwise be left without one.
 */
export async function ensureDefault(tx: TenantTransaction): Promise<void> {
  const rows = await tx.db
    .select({ id: companyBankAccounts.bankAccountId, isDefault: companyBankAccounts.isDefault })
    .from(companyBankAccounts)
    .where(eq(companyBankAccounts.tenantId, tx.tenantId))
    .orderBy(asc(companyBankAccounts.sortOrder), asc(companyBankAccounts.bankAccountId));
  const first = rows[0];
  if (!first || rows.some((row) => row.isDefault)) return;
  await tx.db
    .update(companyBankAccounts)
    .set({ isDefault: true, version: sql`${companyBankAccounts.version} + 1` })
    .where(bankAccountKey(tx, first.id));
}
