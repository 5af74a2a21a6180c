import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { resolveMasterKey } from './master-key';

const dir = mkdtempSync(join(tmpdir(), 'akinai-master-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('MASTER_KEY', () => {
  it('is required in production, where nothing is generated', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      APP_ORIGIN: 'https://akinai.example.jp',
      DATA_DIR: dir,
    });
    expect(() => resolveMasterKey(config)).toThrow(/MASTER_KEY must be set in production/);
    const key = randomBytes(32);
    expect(resolveMasterKey({ ...config, MASTER_KEY: key.toString('hex') }).equals(key)).toBe(true);
  });

  it('is generated once into DATA_DIR in development (mode 0600) and reused', () => {
    const config = loadConfig({ DATA_DIR: dir });
    const first = resolveMasterKey(config);
    expect(resolveMasterKey(config).equals(first)).toBe(true);
    const path = join(dir, 'master-key');
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('puts backups under DATA_DIR/backups unless BACKUP_DIR says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dir }).backupDir).toBe(join(dir, 'backups'));
    expect(loadConfig({ DATA_DIR: dir, BACKUP_DIR: '/srv/backups' }).backupDir).toBe(
      '/srv/backups',
    );
  });
});
