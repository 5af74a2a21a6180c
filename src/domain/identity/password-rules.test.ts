import { describe, expect, it } from 'vitest';
import { passwordProblems, passwordStrength } from './password-rules';

describe('password rules', () => {
  it('accepts a long passphrase without any composition rule', () => {
    expect(passwordProblems('ながい あいことば です よね')).toEqual([]);
    expect(passwordProblems('plain lowercase words only')).toEqual([]);
  });

  it('refuses fewer than 15 characters, counting characters rather than bytes', () => {
    expect(passwordProblems('short password')).toEqual([
      'パスワードは15文字以上で入力してください',
    ]);
    expect(passwordProblems('𠮷'.repeat(15))).toEqual([]);
  });

  it('accepts 8 characters when the user signs in with TOTP too', () => {
    expect(passwordProblems('kq7#vbn2', { mfaEnabled: true })).toEqual([]);
    expect(passwordProblems('kq7#vbn', { mfaEnabled: true })).toEqual([
      'パスワードは8文字以上で入力してください',
    ]);
    expect(passwordProblems('kq7#vbn2').join()).toMatch(/15文字以上/);
  });

  it('refuses more than 1024 characters', () => {
    expect(passwordProblems('x'.repeat(1025)).join()).toMatch(/1024文字以内/);
  });

  it('refuses very common passwords whatever their case or width', () => {
    for (const password of [
      'password1234567',
      '123456789012345',
      'QwertyuiopAsdfg',
      'ｓａｋｕｒａ123456789',
    ]) {
      expect(passwordProblems(password), password).toContain(
        'よく使われているパスワードのため使用できません',
      );
    }
  });

  it('refuses the tenant code, login ID or name inside the password, case-insensitively', () => {
    const context = { tenantCode: 'acme', loginId: 'Tanaka', userName: '山田 花子' };
    expect(passwordProblems('my ACME password long', context)).toEqual([
      'パスワードに組織コードを含めることはできません',
    ]);
    expect(passwordProblems('tanaka-long-enough-pass', context)).toEqual([
      'パスワードにログインIDを含めることはできません',
    ]);
    expect(passwordProblems('わたしは山田花子です、よろしくお願いします', context)).toEqual([
      'パスワードに氏名を含めることはできません',
    ]);
    expect(passwordProblems('ab is too short to matter here', { loginId: 'ab' })).toEqual([]);
  });

  it('rates length once the rules pass', () => {
    expect(passwordStrength('password1234567')).toBe('invalid');
    expect(passwordStrength('fifteen chars!!')).toBe('fair');
    expect(passwordStrength('eighteen characters')).toBe('good');
    expect(passwordStrength('a passphrase of some real length')).toBe('strong');
  });
});
