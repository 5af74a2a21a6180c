import { describe, expect, it } from 'vitest';
import { accountHolderKana, bankAccountNumber, bankCode } from './bank-account';

describe('振込先 fields', () => {
  it('pads account numbers to the 7 digits of the 全銀 format and refuses longer ones', () => {
    expect(bankAccountNumber.parse('１２３４５')).toBe('0012345');
    expect(bankAccountNumber.parse('1234567')).toBe('1234567');
    expect(bankAccountNumber.safeParse('12345678').success).toBe(false);
    expect(bankAccountNumber.safeParse('12a4').success).toBe(false);
    expect(bankAccountNumber.safeParse('').success).toBe(false);
  });

  it('takes bank codes of exactly four digits or none', () => {
    expect(bankCode.parse('0001')).toBe('0001');
    expect(bankCode.parse('')).toBe('');
    expect(bankCode.safeParse('001').success).toBe(false);
  });

  it('keeps 口座名義 in full-width katakana and refuses what 全銀 records cannot carry', () => {
    expect(accountHolderKana.parse('ｶ)ｱｷﾅｲｼﾖｳｼﾞ')).toBe('カ)アキナイシヨウジ');
    expect(accountHolderKana.parse('かぶしきがいしや  あきない')).toBe('カブシキガイシヤ アキナイ');
    expect(accountHolderKana.parse('ｶ)akinai')).toBe('カ)AKINAI');
    const small = accountHolderKana.safeParse('カブシキガイシャ');
    expect(small.error?.issues[0]?.message).toMatch(/小さい文字/);
    const kanji = accountHolderKana.safeParse('株式会社あきない');
    expect(kanji.error?.issues[0]?.message).toMatch(/カタカナ・英大文字/);
    expect(accountHolderKana.safeParse('  ').success).toBe(false);
  });
});
