import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { companyBankAccounts } from './bank-account.table';
import { bankAccountKey, ensureDefault, lockBankAccounts, toBankAccount } from './bank-account-row';

/** Issued invoices keep the account as printed text, so an account can always be removed. */
export async function deleteBankAccount(
  tx: TenantTransaction,
  actor: ActorContext,
  bankAccountId: string,
  version: number,
): Promise<void> {
  await lockBankAccounts(tx);
  const where = bankAccountKey(tx, bankAccountId);
  const [current] = await tx.db.select().from(companyBankAccounts).where(where).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  await tx.db.delete(companyBankAccounts).where(where);
  await ensureDefault(tx);
  await writeAudit(tx, actor, {
    event: 'company.bank_account_deleted',
    targetType: 'company_bank_account',
    targetId: bankAccountId,
    before: toBankAccount(current),
  });
}
