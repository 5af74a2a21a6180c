import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('starts with the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './var',
      DEMO_TENANT: true,
      tlsEnabled: false,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DEMO_ADMIN_PASSWORD: '' }).PORT).toBe(3000);
  });

  it('names the invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('requires the variables that only make sense in pairs together', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://x@h/db', TLS_CERT_FILE: 'cert.pem' }),
    ).toThrow(/DATABASE_OWNER_URL[\s\S]*TLS_KEY_FILE/);
  });

  it('keeps mail in the dev mailbox only outside production and without SMTP', () => {
    expect(loadConfig({}).devMailbox).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).devMailbox).toBe(false);
    const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525', APP_ORIGIN: 'https://akinai.example' };
    expect(loadConfig(smtp).devMailbox).toBe(false);
  });

  it('refuses SMTP without APP_ORIGIN, so mail links never come from the Host header', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(/APP_ORIGIN/);
    expect(() =>
      loadConfig({ SMTP_URL: 'http://127.0.0.1:2525', APP_ORIGIN: 'https://a.example' }),
    ).toThrow(/SMTP_URL/);
  });
});
