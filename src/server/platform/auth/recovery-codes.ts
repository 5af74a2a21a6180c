import type { SecretBox } from './secret-box';
import { generateRecoveryCodes, hashRecoveryCode, legacyRecoveryCodeHash } from './totp';

/**
 * Recovery codes of both planes (tenant users and operators): one implementation, so a fix to
 * how codes are issued, stored or spent reaches both. `subjectKey` binds the stored digests to
 * their owner (`<tenant id>/<user id>` or `ops/<operator id>`): a digest copied to another
 * account does not match there.
 */
export function issueRecoveryCodes(
  box: SecretBox,
  subjectKey: string,
): { codes: string[]; hashes: string[] } {
  const codes = generateRecoveryCodes();
  return { codes, hashes: codes.map((code) => hashRecoveryCode(box, subjectKey, code)) };
}

/**
 * The stored digests left once `code` is spent, or null when it matches none. The caller
 * writes the remainder back in the transaction that holds the owner's row lock, so a code
 * is accepted once even when sent twice at the same moment.
 */
export function spendRecoveryCode(
  box: SecretBox,
  subjectKey: string,
  stored: readonly string[],
  code: string,
): string[] | null {
  const candidates = [hashRecoveryCode(box, subjectKey, code), legacyRecoveryCodeHash(code)];
  const hash = stored.find((digest) => candidates.includes(digest));
  return hash === undefined ? null : stored.filter((digest) => digest !== hash);
}
