import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradedDatabase, withClient } from '../support/migration-upgrade';

/**
 * The system-settings migration moves the idle timeout from app.tenants to app.tenant_settings with a
 * hand-added backfill. Existing tenants must keep signing in: each gets its settings row.
 */
let database: Awaited<ReturnType<typeof upgradedDatabase>>;
let superuserUrl: string;

beforeAll(async () => {
  database = await upgradedDatabase('_system_settings_api_tokens', (c) =>
    c.query(`INSERT INTO app.tenants (tenant_id, code, name, idle_timeout_minutes) VALUES
      ('01936b2a-0000-7000-8000-000000000001', 'old1', '旧組織1', 45),
      ('01936b2a-0000-7000-8000-000000000002', 'old2', '旧組織2', 90)`),
  );
  superuserUrl = database.superuserUrl;
});

afterAll(() => database.drop());

describe('the system-settings migration on a database with tenants', () => {
  it('gives every existing tenant a settings row with its idle timeout, capped at 60', async () => {
    const { rows } = await withClient(superuserUrl, (c) =>
      c.query(
        `SELECT t.code, s.idle_timeout_minutes, s.password_expiry_days, s.version
           FROM app.tenants t JOIN app.tenant_settings s USING (tenant_id) ORDER BY t.code`,
      ),
    );
    expect(rows).toEqual([
      { code: 'old1', idle_timeout_minutes: 45, password_expiry_days: 0, version: 1 },
      { code: 'old2', idle_timeout_minutes: 60, password_expiry_days: 0, version: 1 },
    ]);
  });

  it('leaves row-level security forced on the tables it touched', async () => {
    const { rows } = await withClient(superuserUrl, (c) =>
      c.query(
        `SELECT relname, relforcerowsecurity FROM pg_class
          WHERE relnamespace = 'app'::regnamespace
            AND relname IN ('tenants', 'tenant_settings', 'api_tokens') ORDER BY relname`,
      ),
    );
    expect(rows.every((r) => r.relforcerowsecurity)).toBe(true);
    expect(rows).toHaveLength(3);
  });
});
