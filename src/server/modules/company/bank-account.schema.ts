import { z } from 'zod';
import {
  accountHolderKana,
  bankAccountNumber,
  bankAccountTypes,
  bankCode,
  branchCode,
} from '../../../domain/company/bank-account';

/** 振込先 contracts, shared by the API and the 自社情報 screen. */
const name = (label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${label}を入力してください` })
    .max(30, { error: `${label}は30文字以内で入力してください` });

export const bankAccountInputSchema = z.strictObject({
  bankName: name('金融機関名'),
  bankCode,
  branchName: name('支店名'),
  branchCode,
  accountType: z.enum(bankAccountTypes, { error: '預金種別を選んでください' }),
  accountNumber: bankAccountNumber,
  accountHolder: accountHolderKana,
  sortOrder: z
    .number({ error: '表示順を数値で入力してください' })
    .int({ error: '表示順は整数で入力してください' })
    .min(0, { error: '表示順は0以上で入力してください' })
    .max(9999, { error: '表示順は9999以下で入力してください' }),
  isDefault: z.boolean().default(false),
});

export const bankAccountUpdateSchema = bankAccountInputSchema.extend({
  version: z.number().int().min(1),
});

export type BankAccountInput = z.infer<typeof bankAccountInputSchema>;
export type BankAccountUpdate = z.infer<typeof bankAccountUpdateSchema>;

export const bankAccountSchema = z
  .object({
    bankAccountId: z.uuid(),
    bankName: z.string(),
    bankCode: z.string(),
    branchName: z.string(),
    branchCode: z.string(),
    accountType: z.enum(bankAccountTypes),
    accountNumber: z.string(),
    accountHolder: z.string(),
    sortOrder: z.number().int(),
    isDefault: z.boolean(),
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'BankAccount' });

export type BankAccount = z.infer<typeof bankAccountSchema>;

export const bankAccountListSchema = z
  .object({ items: z.array(bankAccountSchema) })
  .meta({ id: 'BankAccountList' });

export const bankAccountIdParamsSchema = z.strictObject({ bankAccountId: z.uuid() });

export const bankAccountDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});
