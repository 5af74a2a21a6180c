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

  it('purges ended tenants at most 5 (trial) / 21 (paid) days after the end, never later', () => {
    expect(loadConfig({}).purgePolicy).toEqual({ graceDaysTrial: 5, graceDaysPaid: 21 });
    expect(
      loadConfig({ PURGE_GRACE_DAYS_TRIAL: '2', PURGE_GRACE_DAYS_PAID: '14' }).purgePolicy,
    ).toEqual({ graceDaysTrial: 2, graceDaysPaid: 14 });
    expect(() => loadConfig({ PURGE_GRACE_DAYS_TRIAL: '6' })).toThrow(
      /PURGE_GRACE_DAYS_TRIAL may not exceed 5 days/,
    );
    expect(() => loadConfig({ PURGE_GRACE_DAYS_PAID: '22' })).toThrow(
      /PURGE_GRACE_DAYS_PAID may not exceed 21 days/,
    );
    expect(() => loadConfig({ PURGE_GRACE_DAYS_PAID: '0' })).toThrow(/PURGE_GRACE_DAYS_PAID/);
  });

  it('trusts X-Forwarded-For only from named proxies, never from any client', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.1' }).TRUST_PROXY).toBe(
      '10.0.0.0/8,192.0.2.1',
    );
    for (const unsafe of ['true', '1', '2', 'everyone']) {
      expect(() => loadConfig({ TRUST_PROXY: unsafe }), unsafe).toThrow(/TRUST_PROXY/);
    }
  });

  it('requires APP_ORIGIN in production, so mail links never come from the Host header', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MFA_ENCRYPTION_KEY: 'x' })).toThrow(
      /APP_ORIGIN/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', APP_ORIGIN: 'https://akinai.example.jp' }).APP_ORIGIN,
    ).toBe('https://akinai.example.jp');
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
    expect(
      loadConfig({ NODE_ENV: 'production', APP_ORIGIN: 'https://akinai.example' }).devMailbox,
    ).toBe(false);
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
