import { z } from 'zod';
import {
  addressSources,
  documentTypes,
  printSettingsSchema,
  refinePrintSettings,
} from '../../../domain/company/print-settings';
import { entryCheckModes, entryCheckSettingsSchema } from '../../../domain/documents/entry-checks';

/** 帳票設定 and 伝票入力チェック contracts; the rules themselves live in src/domain. */
const version = z.number().int().min(0).describe('0 = never saved (the defaults apply)');

export const printSettingsUpdateSchema = printSettingsSchema
  .extend({ version })
  .superRefine(refinePrintSettings);

export type PrintSettingsUpdate = z.infer<typeof printSettingsUpdateSchema>;

export const printSettingsItemSchema = z
  .object({
    documentType: z.enum(documentTypes),
    title: z.string(),
    showLogo: z.boolean(),
    showSeal: z.boolean(),
    showBankAccounts: z.boolean(),
    showRegistrationNumber: z.boolean(),
    footerNote: z.string(),
    addressSource: z.enum(addressSources),
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'PrintSettings' });

export type PrintSettingsItem = z.infer<typeof printSettingsItemSchema>;

export const printSettingsListSchema = z
  .object({ items: z.array(printSettingsItemSchema) })
  .meta({ id: 'PrintSettingsList' });

export const entryChecksUpdateSchema = entryCheckSettingsSchema.extend({ version });

export type EntryChecksUpdate = z.infer<typeof entryChecksUpdateSchema>;

export const entryChecksSchema = z
  .object({
    project: z.enum(entryCheckModes),
    quantity: z.enum(entryCheckModes),
    unitPrice: z.enum(entryCheckModes),
    cost: z.enum(entryCheckModes),
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'EntryChecks' });

export type EntryChecks = z.infer<typeof entryChecksSchema>;
