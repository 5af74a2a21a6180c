import { sql } from 'drizzle-orm';
import { auditDiff } from '../../platform/audit/audit-diff';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type { BankAccount, BankAccountUpdate } from './bank-account.schema';
import { companyBankAccounts } from './bank-account.table';
import {
  bankAccountKey,
  clearOtherDefaults,
  ensureDefault,
  lockBankAccounts,
  toBankAccount,
} from './bank-account-row';

export async function updateBankAccount(
  tx: TenantTransaction,
  actor: ActorContext,
  bankAccountId: string,
  { version, ...input }: BankAccountUpdate,
): Promise<BankAccount> {
  await lockBankAccounts(tx);
  const where = bankAccountKey(tx, bankAccountId);
  const [current] = await tx.db.select().from(companyBankAccounts).where(where).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  if (input.isDefault) await clearOtherDefaults(tx, bankAccountId);
  await tx.db
    .update(companyBankAccounts)
    .set({ ...input, version: version + 1, updatedAt: sql`now()` })
    .where(where);
  await ensureDefault(tx);
  const [updated] = await tx.db.select().from(companyBankAccounts).where(where);
  const after = toBankAccount(updated!);
  await writeAudit(tx, actor, {
    event: 'company.bank_account_updated',
    targetType: 'company_bank_account',
    targetId: bankAccountId,
    ...auditDiff(toBankAccount(current), after),
  });
  return after;
}
