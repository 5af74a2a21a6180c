import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';

/**
 * MASTER_KEY wraps every backup data key (SECURITY.md, backups). Production must supply it, and
 * keep it apart from the backups (secret manager, not the backup volume): whoever holds both
 * can read every tenant's backups whose key is not destroyed. Development generates one into
 * DATA_DIR once, like the MFA key; unlike that key, tests use the file too, because a backup
 * and its restore run in different commands and must see the same key.
 */
export function resolveMasterKey(config: Config): Buffer {
  if (config.MASTER_KEY) return decodeMasterKey(config.MASTER_KEY);
  if (config.NODE_ENV === 'production') {
    throw new Error('MASTER_KEY must be set in production (32 random bytes, base64 or hex)');
  }
  const path = join(config.dataDir, 'master-key');
  if (!existsSync(path)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return decodeMasterKey(readFileSync(path, 'utf8').trim());
}

/** 64 hex digits or base64 of 32 bytes; anything else is refused rather than stretched. */
export function decodeMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error(
      'MASTER_KEY must be 32 bytes, base64- or hex-encoded (openssl rand -base64 32)',
    );
  }
  return key;
}
