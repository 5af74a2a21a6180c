import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradedDatabase, withClient } from '../support/migration-upgrade';

/**
 * The 分類 migration backfills the starting axes (地域 / 業種 / ランク per partner type) that
 * createTenant gives new organisations, for every organisation that already exists.
 */
let database: Awaited<ReturnType<typeof upgradedDatabase>>;
let superuserUrl: string;

beforeAll(async () => {
  database = await upgradedDatabase('_classifications', (c) =>
    c.query(`INSERT INTO app.tenants (tenant_id, code, name) VALUES
      ('01936b2a-0000-7000-8000-000000000011', 'oldc1', '旧組織1'),
      ('01936b2a-0000-7000-8000-000000000012', 'oldc2', '旧組織2')`),
  );
  superuserUrl = database.superuserUrl;
});

afterAll(() => database.drop());

describe('the 分類 migration on a database with tenants', () => {
  it('gives every existing tenant 地域 / 業種 / ランク for customers and suppliers', async () => {
    const { rows } = await withClient(superuserUrl, (c) =>
      c.query(
        `SELECT t.code, a.partner_type, string_agg(a.name, ',' ORDER BY a.sort_order) AS names
           FROM app.tenants t JOIN app.classification_axes a USING (tenant_id)
          GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
    );
    expect(rows).toEqual([
      { code: 'oldc1', partner_type: 'customer', names: '地域,業種,ランク' },
      { code: 'oldc1', partner_type: 'supplier', names: '地域,業種,ランク' },
      { code: 'oldc2', partner_type: 'customer', names: '地域,業種,ランク' },
      { code: 'oldc2', partner_type: 'supplier', names: '地域,業種,ランク' },
    ]);
  });

  it('leaves row-level security forced on the tenants table it relaxed', async () => {
    const { rows } = await withClient(superuserUrl, (c) =>
      c.query(
        `SELECT relname, relforcerowsecurity FROM pg_class
          WHERE relnamespace = 'app'::regnamespace
            AND relname IN ('tenants', 'classification_axes', 'customer_classifications')`,
      ),
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.relforcerowsecurity)).toBe(true);
  });
});
