import { describe, expect, it } from 'vitest';
import { defaultPrintSettings, documentTypes, printSettingsInputSchema } from './print-settings';

describe('帳票設定', () => {
  it('gives every document type defaults its own rules accept', () => {
    for (const type of documentTypes) {
      expect(printSettingsInputSchema.safeParse(defaultPrintSettings(type)).success, type).toBe(
        true,
      );
    }
    expect(defaultPrintSettings('invoice')).toMatchObject({
      showBankAccounts: true,
      showRegistrationNumber: true,
    });
  });

  it('keeps the registration number on invoices and bank accounts off other documents', () => {
    const invoice = printSettingsInputSchema.safeParse({
      ...defaultPrintSettings('invoice'),
      showRegistrationNumber: false,
    });
    expect(invoice.error?.issues[0]).toMatchObject({ path: ['showRegistrationNumber'] });
    const quote = printSettingsInputSchema.safeParse({
      ...defaultPrintSettings('quote'),
      showBankAccounts: true,
    });
    expect(quote.error?.issues[0]).toMatchObject({ path: ['showBankAccounts'] });
    const order = printSettingsInputSchema.safeParse({
      ...defaultPrintSettings('purchaseOrder'),
      showRegistrationNumber: true,
    });
    expect(order.success).toBe(false);
  });

  it('limits the footer to 200 characters', () => {
    const long = printSettingsInputSchema.safeParse({
      ...defaultPrintSettings('receipt'),
      footerNote: 'あ'.repeat(201),
    });
    expect(long.error?.issues[0]?.message).toBe('備考欄は200文字以内で入力してください');
  });
});
