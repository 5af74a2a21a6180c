import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP parameters (m=19456 KiB, t=2, p=1). `algorithm: 2` is Argon2id:
 * the package's Algorithm enum is a const enum that vanishes under isolated-module builds.
 */
const ARGON2ID = 2;
const PARAMETERS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMETERS);
}

/** A hash of a random secret, verified when no account matches, so timing reveals nothing. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
  storedHash: string | undefined,
  password: string,
): Promise<boolean> {
  if (storedHash === undefined) {
    dummyHash ??= hashPassword(crypto.randomUUID());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

/** True when the stored hash predates the current parameters and should be replaced at login. */
export function needsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(
    `$argon2id$v=19$m=${PARAMETERS.memoryCost},t=${PARAMETERS.timeCost},p=${PARAMETERS.parallelism}$`,
  );
}
