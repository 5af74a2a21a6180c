import { z } from 'zod';

/**
 * 帳票設定: what each printed document shows (flam-features §2.7: logo and seal per 帳票,
 * registration number on 請求書/納品書). The documents themselves come later; they read these
 * settings through the same schema.
 */
export const documentTypes = [
  'quote',
  'orderAcknowledgement',
  'deliveryNote',
  'invoice',
  'receipt',
  'purchaseOrder',
] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentTypeLabels: Record<DocumentType, string> = {
  quote: '見積書',
  orderAcknowledgement: '注文請書',
  deliveryNote: '納品書',
  invoice: '請求書',
  receipt: '領収書',
  purchaseOrder: '発注書',
};

/** Whose address heads the document: the company's, or the issuing department's (支店・営業所). */
export const addressSources = ['company', 'department'] as const;
export type AddressSource = (typeof addressSources)[number];

export const PRINT_TITLE_MAX = 20;
export const PRINT_FOOTER_MAX = 200;

/** Only an invoice carries the bank accounts to pay into. */
export const showsBankAccounts = (type: DocumentType) => type === 'invoice';
/**
 * 適格請求書 must carry the issuer's registration number (DOMAIN.md §3), so on 請求書 it is
 * not optional; a 発注書 is our request to a supplier and never carries it.
 */
export const registrationNumberOption = (type: DocumentType): 'required' | 'optional' | 'never' =>
  type === 'invoice' ? 'required' : type === 'purchaseOrder' ? 'never' : 'optional';

export const printSettingsFields = {
  /** '' prints the standard title (documentTypeLabels). */
  title: z
    .string()
    .trim()
    .max(PRINT_TITLE_MAX, { error: `表題は${PRINT_TITLE_MAX}文字以内で入力してください` })
    .default(''),
  showLogo: z.boolean(),
  showSeal: z.boolean(),
  showBankAccounts: z.boolean(),
  showRegistrationNumber: z.boolean(),
  footerNote: z
    .string()
    .trim()
    .max(PRINT_FOOTER_MAX, { error: `備考欄は${PRINT_FOOTER_MAX}文字以内で入力してください` })
    .default(''),
  addressSource: z.enum(addressSources, { error: '印刷する住所を選んでください' }),
};

export const printSettingsSchema = z.strictObject({
  documentType: z.enum(documentTypes, { error: '帳票の種類が正しくありません' }),
  ...printSettingsFields,
});

/** The rules that tie a setting to its document type, applied wherever settings are saved. */
export function refinePrintSettings(
  value: Pick<PrintSettings, 'documentType' | 'showBankAccounts' | 'showRegistrationNumber'>,
  ctx: z.RefinementCtx,
): void {
  if (value.showBankAccounts && !showsBankAccounts(value.documentType)) {
    ctx.addIssue({
      code: 'custom',
      path: ['showBankAccounts'],
      message: '振込先は請求書にだけ印刷できます',
    });
  }
  const registration = registrationNumberOption(value.documentType);
  if (registration === 'required' && !value.showRegistrationNumber) {
    ctx.addIssue({
      code: 'custom',
      path: ['showRegistrationNumber'],
      message: '請求書には登録番号の記載が必要です（適格請求書）',
    });
  }
  if (registration === 'never' && value.showRegistrationNumber) {
    ctx.addIssue({
      code: 'custom',
      path: ['showRegistrationNumber'],
      message: '発注書には登録番号を印刷しません',
    });
  }
}

export type PrintSettings = z.infer<typeof printSettingsSchema>;

export const printSettingsInputSchema = printSettingsSchema.superRefine(refinePrintSettings);

/** What a document prints before the tenant has saved anything for it. */
export function defaultPrintSettings(documentType: DocumentType): PrintSettings {
  return {
    documentType,
    title: '',
    showLogo: true,
    showSeal: documentType !== 'purchaseOrder',
    showBankAccounts: showsBankAccounts(documentType),
    showRegistrationNumber: registrationNumberOption(documentType) !== 'never',
    footerNote: '',
    addressSource: 'company',
  };
}
