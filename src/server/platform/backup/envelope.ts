import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The on-disk form of one backup and the wrapping of the data keys (ADR 0018).
 *
 * File: MAGIC | header length (u32 BE) | header JSON | IV (12) | ciphertext | GCM tag (16).
 * The header is readable without a key, so a file copied back from off-site storage can name
 * its tenant, backup and key; the whole prefix is the GCM associated data, so changing any of
 * those fields (or the format version) makes decryption fail instead of misattributing data.
 */
export const BACKUP_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('AKINAIBK', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface BackupHeader {
  format: number;
  /** Tenant id, or PLATFORM_SCOPE for the platform tables. */
  scopeId: string;
  backupId: string;
  keyId: string;
  createdAt: string;
}

/** The tamper/key failures a restore reports as such, never as a crash. */
export class BackupUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupUnreadableError';
  }
}

export function sealBackup(dataKey: Buffer, header: BackupHeader, plaintext: Buffer): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const prefix = Buffer.concat([MAGIC, length, headerBytes]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(prefix);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([prefix, iv, ciphertext, cipher.getAuthTag()]);
}

/** The header as written; not yet authenticated (openBackup does that). */
export function readBackupHeader(file: Buffer): BackupHeader {
  const parsed = splitFile(file);
  return parsed.header;
}

export function openBackup(
  dataKey: Buffer,
  file: Buffer,
  expected: { scopeId: string; backupId: string },
): { header: BackupHeader; plaintext: Buffer } {
  const { header, prefix, body } = splitFile(file);
  if (header.scopeId !== expected.scopeId || header.backupId !== expected.backupId) {
    throw new BackupUnreadableError(
      `バックアップファイルの見出しが記録と一致しません / The backup file's header does not match its record (tenant ${header.scopeId}, backup ${header.backupId})`,
    );
  }
  if (body.length < IV_BYTES + TAG_BYTES) throw truncated();
  const iv = body.subarray(0, IV_BYTES);
  const tag = body.subarray(body.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', dataKey, iv);
  decipher.setAAD(prefix);
  decipher.setAuthTag(tag);
  try {
    const plaintext = Buffer.concat([
      decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return { header, plaintext };
  } catch {
    throw new BackupUnreadableError(
      'バックアップの認証に失敗しました（改ざんまたは鍵の不一致） / Backup authentication failed: the file was altered or the key does not match',
    );
  }
}

function splitFile(file: Buffer): { header: BackupHeader; prefix: Buffer; body: Buffer } {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupUnreadableError(
      'Akinai のバックアップファイルではありません / Not an Akinai backup file',
    );
  }
  const length = file.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (length > 64 * 1024 || start + length > file.length) throw truncated();
  let header: BackupHeader;
  try {
    header = JSON.parse(file.subarray(start, start + length).toString('utf8')) as BackupHeader;
  } catch {
    throw truncated();
  }
  if (header.format !== BACKUP_FORMAT_VERSION) {
    throw new BackupUnreadableError(
      `未対応のバックアップ形式です（${String(header.format)}） / Unsupported backup format ${String(header.format)}`,
    );
  }
  return { header, prefix: file.subarray(0, start + length), body: file.subarray(start + length) };
}

function truncated(): BackupUnreadableError {
  return new BackupUnreadableError(
    'バックアップファイルが壊れています / The backup file is truncated or corrupt',
  );
}

/**
 * Data keys are wrapped with AES-256-GCM under a subkey of MASTER_KEY (domain separation: the
 * master key itself encrypts nothing), with the scope and key id as associated data so a wrapped
 * key copied to another tenant's row does not unwrap. Stored as IV | ciphertext | tag.
 */
export function wrapDataKey(
  masterKey: Buffer,
  scopeId: string,
  keyId: string,
  dataKey: Buffer,
): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(masterKey), iv);
  cipher.setAAD(keyAad(scopeId, keyId));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
}

export function unwrapDataKey(
  masterKey: Buffer,
  scopeId: string,
  keyId: string,
  wrapped: Buffer,
): Buffer {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      wrappingKey(masterKey),
      wrapped.subarray(0, IV_BYTES),
    );
    decipher.setAAD(keyAad(scopeId, keyId));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new BackupUnreadableError(
      'バックアップ鍵を復号できません（MASTER_KEY が異なります） / The backup key does not unwrap: MASTER_KEY differs from the one it was wrapped with',
    );
  }
}

function wrappingKey(masterKey: Buffer): Buffer {
  if (masterKey.length !== 32) throw new Error('MASTER_KEY must be 32 bytes');
  return Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'akinai backup key wrap v1', 32),
  );
}

function keyAad(scopeId: string, keyId: string): Buffer {
  return Buffer.from(`akinai backup key v1\0${scopeId}\0${keyId}`, 'utf8');
}
