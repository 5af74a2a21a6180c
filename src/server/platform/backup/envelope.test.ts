import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BackupUnreadableError,
  openBackup,
  readBackupHeader,
  sealBackup,
  unwrapDataKey,
  wrapDataKey,
} from './envelope';
import { decodeMasterKey } from './master-key';

const tenant = '0191f3a0-0000-7000-8000-000000000001';
const other = '0191f3a0-0000-7000-8000-000000000002';
const backupId = '0191f3a0-0000-7000-8000-00000000000b';
const header = {
  format: 1,
  scopeId: tenant,
  backupId,
  keyId: '0191f3a0-0000-7000-8000-00000000000c',
  createdAt: '2026-11-26T03:00:00.000Z',
};
const plaintext = Buffer.from('{"tables":[]}\n顧客,株式会社テスト\n');

function flip(file: Buffer, at: number): Buffer {
  const copy = Buffer.from(file);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe('backup envelope (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const file = sealBackup(key, header, plaintext);
  const expected = { scopeId: tenant, backupId };

  it('round-trips and exposes the header without the key', () => {
    expect(openBackup(key, file, expected).plaintext.equals(plaintext)).toBe(true);
    expect(readBackupHeader(file)).toEqual(header);
    // Ciphertext, not plaintext, on disk; a fresh IV each time.
    expect(file.includes(Buffer.from('株式会社テスト'))).toBe(false);
    expect(sealBackup(key, header, plaintext).equals(file)).toBe(false);
  });

  it('fails with the wrong key', () => {
    expect(() => openBackup(randomBytes(32), file, expected)).toThrow(BackupUnreadableError);
    expect(() => openBackup(randomBytes(32), file, expected)).toThrow(/altered or the key/);
  });

  it('fails when the IV, the ciphertext or the tag is altered', () => {
    // The header JSON is flat, so its first "}" ends it and the IV follows.
    const ivAt = file.indexOf(Buffer.from('}'), 12) + 1;
    expect(ivAt).toBeGreaterThan(12);
    const tagAt = file.length - 16;
    for (const at of [ivAt, ivAt + 11, ivAt + 12, ivAt + 20, tagAt, file.length - 1]) {
      expect(() => openBackup(key, flip(file, at), expected), `byte ${at}`).toThrow(
        BackupUnreadableError,
      );
    }
  });

  it('fails when the associated data (header: tenant, backup id, version) is altered', () => {
    const text = file.toString('latin1');
    // Same length swap inside the authenticated header: the tenant id's last digit.
    const forged = Buffer.from(text.replace(tenant, other), 'latin1');
    expect(() => openBackup(key, forged, { scopeId: other, backupId })).toThrow(
      /altered or the key/,
    );
    // A header naming another tenant than the record is refused before decryption.
    expect(() => openBackup(key, file, { scopeId: other, backupId })).toThrow(
      /does not match its record/,
    );
    const otherVersion = Buffer.from(text.replace('"format":1', '"format":2'), 'latin1');
    expect(() => openBackup(key, otherVersion, expected)).toThrow(/Unsupported backup format 2/);
    expect(() => openBackup(key, file.subarray(0, 30), expected)).toThrow(BackupUnreadableError);
    expect(() => openBackup(key, Buffer.from('PK\u0003\u0004'), expected)).toThrow(
      /Not an Akinai backup/,
    );
  });
});

describe('data key wrapping', () => {
  const master = randomBytes(32);
  const dataKey = randomBytes(32);
  const keyId = header.keyId;
  const wrapped = wrapDataKey(master, tenant, keyId, dataKey);

  it('unwraps under the same master key, scope and key id only', () => {
    expect(unwrapDataKey(master, tenant, keyId, wrapped).equals(dataKey)).toBe(true);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(() => unwrapDataKey(randomBytes(32), tenant, keyId, wrapped)).toThrow(
      /MASTER_KEY differs/,
    );
    // Copied to another tenant's row, or relabelled with another key id: refused.
    expect(() => unwrapDataKey(master, other, keyId, wrapped)).toThrow(BackupUnreadableError);
    expect(() => unwrapDataKey(master, tenant, backupId, wrapped)).toThrow(BackupUnreadableError);
    expect(() => unwrapDataKey(master, tenant, keyId, flip(wrapped, 3))).toThrow(
      BackupUnreadableError,
    );
  });

  it('accepts MASTER_KEY as base64 or hex, 32 bytes only', () => {
    expect(decodeMasterKey(master.toString('base64')).equals(master)).toBe(true);
    expect(decodeMasterKey(master.toString('hex')).equals(master)).toBe(true);
    expect(() => decodeMasterKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
