import { count, eq } from 'drizzle-orm';
import { BANK_ACCOUNT_LIMIT } from '../../../domain/company/bank-account';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import type { BankAccount, BankAccountInput } from './bank-account.schema';
import { companyBankAccounts } from './bank-account.table';
import {
  bankAccountKey,
  clearOtherDefaults,
  ensureDefault,
  lockBankAccounts,
  toBankAccount,
} from './bank-account-row';

export async function createBankAccount(
  tx: TenantTransaction,
  actor: ActorContext,
  input: BankAccountInput,
): Promise<BankAccount> {
  await lockBankAccounts(tx);
  const [existing] = await tx.db
    .select({ n: count() })
    .from(companyBankAccounts)
    .where(eq(companyBankAccounts.tenantId, tx.tenantId));
  if ((existing?.n ?? 0) >= BANK_ACCOUNT_LIMIT) throw new AppError('bank_account_limit_reached');
  const bankAccountId = uuidv7();
  if (input.isDefault) await clearOtherDefaults(tx, bankAccountId);
  await tx.db
    .insert(companyBankAccounts)
    .values({ tenantId: tx.tenantId, bankAccountId, ...input });
  await ensureDefault(tx);
  const [row] = await tx.db
    .select()
    .from(companyBankAccounts)
    .where(bankAccountKey(tx, bankAccountId));
  const account = toBankAccount(row!);
  await writeAudit(tx, actor, {
    event: 'company.bank_account_created',
    targetType: 'company_bank_account',
    targetId: bankAccountId,
    after: { ...input, isDefault: account.isDefault },
  });
  return account;
}
