import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { resolveMfaKey } from './mfa-key';

const dataDir = mkdtempSync(join(tmpdir(), 'akinai-mfa-key-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const production = { NODE_ENV: 'production', APP_ORIGIN: 'https://akinai.example.jp' };

describe('MFA_ENCRYPTION_KEY', () => {
  it('is required in production, where nothing is generated', () => {
    expect(() => resolveMfaKey(loadConfig({ ...production, DATA_DIR: dataDir }))).toThrow(
      /MFA_ENCRYPTION_KEY must be set in production/,
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(resolveMfaKey(loadConfig({ ...production, MFA_ENCRYPTION_KEY: key }))).toEqual(
      Buffer.alloc(32, 7),
    );
  });

  it('accepts 32 bytes only', () => {
    const short = Buffer.alloc(16).toString('base64');
    expect(() => resolveMfaKey(loadConfig({ ...production, MFA_ENCRYPTION_KEY: short }))).toThrow(
      /32 bytes/,
    );
  });

  it('is generated once into DATA_DIR in development (mode 0600) and reused', () => {
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
    const first = resolveMfaKey(config);
    expect(first).toHaveLength(32);
    expect(statSync(join(dataDir, 'mfa-encryption-key')).mode & 0o777).toBe(0o600);
    expect(resolveMfaKey(config)).toEqual(first);
  });
});
