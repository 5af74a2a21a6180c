import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';

/**
 * The key that encrypts TOTP secrets: MFA_ENCRYPTION_KEY (32 bytes, base64) in production.
 * In development one is generated once into DATA_DIR next to the database secrets; tests get
 * a fresh one in memory. Losing the key means every user must enrol again.
 */
export function resolveMfaKey(config: Config): Buffer {
  if (config.MFA_ENCRYPTION_KEY) return decodeKey(config.MFA_ENCRYPTION_KEY);
  if (config.NODE_ENV === 'production') {
    throw new Error('MFA_ENCRYPTION_KEY must be set in production (32 random bytes, base64)');
  }
  if (config.NODE_ENV === 'test') return randomBytes(32);
  const path = join(config.dataDir, 'mfa-encryption-key');
  if (!existsSync(path)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return decodeKey(readFileSync(path, 'utf8').trim());
}

/**
 * A test run without MFA_ENCRYPTION_KEY draws a new key per process: nothing sealed with it
 * outlives the process, so there is no stored check value to compare it with (ADR 0027).
 */
export function mfaKeyIsEphemeral(config: Config): boolean {
  return !config.MFA_ENCRYPTION_KEY && config.NODE_ENV === 'test';
}

export function decodeKey(text: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('MFA_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  return key;
}
