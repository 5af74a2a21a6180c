import { commonPasswords } from './common-passwords';

/**
 * Password rules (SECURITY.md, NIST SP 800-63B-4) shared by the API and the forms: length only,
 * no composition rules, refused when very common or when it contains the organisation code,
 * login ID or user name. 15 characters while the password is the only factor.
 */
export const PASSWORD_MIN_LENGTH = 15;
/** With TOTP as a second factor the password may be shorter (NIST SP 800-63B-4 §3.1.1.2). */
export const PASSWORD_MIN_LENGTH_WITH_MFA = 8;
export const PASSWORD_MAX_LENGTH = 1024;
/** Names shorter than this are too likely to appear by chance to be refused. */
const NAME_MIN_LENGTH = 3;

export interface PasswordContext {
  tenantCode?: string;
  loginId?: string;
  userName?: string;
  /** The user signs in with TOTP as well, so the shorter minimum applies. */
  mfaEnabled?: boolean;
}

export function passwordMinLength(context: PasswordContext = {}): number {
  return context.mfaEnabled ? PASSWORD_MIN_LENGTH_WITH_MFA : PASSWORD_MIN_LENGTH;
}

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();
const common: ReadonlySet<string> = new Set(commonPasswords.map(normalize));

/** Counts code points, so 𠮷 is one character, as people count them. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** Japanese messages for every rule the password breaks; empty when it is acceptable. */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  const length = passwordLength(password);
  const minLength = passwordMinLength(context);
  if (length < minLength) {
    problems.push(`パスワードは${minLength}文字以上で入力してください`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(`パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください`);
  }
  const normalized = normalize(password);
  if (common.has(normalized) || common.has(normalized.trim())) {
    problems.push('よく使われているパスワードのため使用できません');
  }
  const names: [string | undefined, string][] = [
    [context.tenantCode, '組織コード'],
    [context.loginId, 'ログインID'],
    [context.userName, '氏名'],
  ];
  for (const [name, label] of names) {
    const key = name ? normalize(name).replace(/\s+/g, '') : '';
    if (key.length >= NAME_MIN_LENGTH && normalized.replace(/\s+/g, '').includes(key)) {
      problems.push(`パスワードに${label}を含めることはできません`);
    }
  }
  return problems;
}

export type PasswordStrength = 'invalid' | 'fair' | 'good' | 'strong';

/** A length-based meter on top of the rules' verdict: anything the rules refuse is invalid. */
export function passwordStrength(
  password: string,
  context: PasswordContext = {},
): PasswordStrength {
  if (passwordProblems(password, context).length > 0) return 'invalid';
  const length = passwordLength(password);
  if (length >= 24) return 'strong';
  if (length >= 18) return 'good';
  return 'fair';
}
