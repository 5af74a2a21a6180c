import { randomInt } from 'node:crypto';
import { type PasswordContext, passwordProblems } from '../../../domain/identity/password-rules';
import { hashPassword } from '../../platform/auth/passwords';
import { AppError } from '../../platform/http/problem';
import { INITIAL_PASSWORD_VALID_HOURS } from './user.schema';

/** No 0/O, 1/l/I: the admin reads it out or copies it by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 4 groups of 5 from 55 symbols: about 115 bits, 23 characters with the hyphens. */
export function generateInitialPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export interface IssuedPassword {
  passwordHash: string;
  expiresAt: Date;
  /** Only when the server made it up; the admin must see it once. */
  generatedPassword: string | null;
}

/**
 * The admin's password (checked against the same rules as any password) or a generated one,
 * hashed, with its 72-hour expiry.
 */
export async function issueInitialPassword(
  given: string | undefined,
  context: PasswordContext,
): Promise<IssuedPassword> {
  const typed = given !== undefined && given !== '' ? given : null;
  if (typed !== null) {
    const problems = passwordProblems(typed, context);
    if (problems.length > 0) {
      throw new AppError('validation_failed', {
        errors: problems.map((message) => ({ path: 'initialPassword', message })),
      });
    }
  }
  const password = typed ?? generateInitialPassword();
  return {
    passwordHash: await hashPassword(password),
    expiresAt: new Date(Date.now() + INITIAL_PASSWORD_VALID_HOURS * 3600_000),
    generatedPassword: typed === null ? password : null,
  };
}
