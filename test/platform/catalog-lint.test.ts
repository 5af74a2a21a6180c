import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintCatalog } from '../../src/server/platform/db/catalog-lint';
import { listTenantTables } from '../../src/server/platform/db/tenant-catalog';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('tenant table catalogue', () => {
  it('lists every tenant table with parents before the tables that reference them', async () => {
    const tables = await listTenantTables(db.superuser);
    const names = tables.map((table) => table.name);
    expect(names[0]).toBe('tenants');
    expect(names).toEqual(expect.arrayContaining(['users', 'customers', 'projects', 'audit_log']));
    expect(names.indexOf('customers')).toBeLessThan(names.indexOf('projects'));
    expect(names.indexOf('permission_groups')).toBeLessThan(names.indexOf('users'));
    expect(tables.find((table) => table.name === 'customers')?.columns[0]).toBe('tenant_id');
  });
});

describe('schema catalog lint', () => {
  it('finds no violation in the migrated schema', async () => {
    expect(await lintCatalog(db.superuser)).toEqual([]);
  });

  it('reports each kind of violation a careless migration could introduce', async () => {
    await db.superuser.query(`
      CREATE TABLE app.lint_bad (tenant_id uuid NOT NULL, id uuid NOT NULL, code text,
        PRIMARY KEY (id, tenant_id), UNIQUE (code));
      CREATE INDEX lint_bad_code_idx ON app.lint_bad (code);
      CREATE TABLE app.lint_global (id int PRIMARY KEY);
      CREATE VIEW app.lint_view AS SELECT * FROM app.lint_bad;
      CREATE FUNCTION app.lint_definer() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';`);
    try {
      const found = (await lintCatalog(db.superuser)).map((v) => `${v.rule}: ${v.object}`);
      expect(found).toEqual(
        expect.arrayContaining([
          'tenant table without ENABLE ROW LEVEL SECURITY: app.lint_bad',
          'tenant table without FORCE ROW LEVEL SECURITY: app.lint_bad',
          'tenant table without a policy: app.lint_bad',
          'primary key, unique or foreign key without tenant_id: app.lint_bad.lint_bad_code_key',
          'primary key that does not start with tenant_id: app.lint_bad.lint_bad_pkey',
          'index that does not start with tenant_id: app.lint_bad_code_idx',
          'table in schema app without tenant_id: app.lint_global',
          'view without security_invoker: app.lint_view',
          'SECURITY DEFINER function: app.lint_definer()',
        ]),
      );
    } finally {
      await db.superuser.query(`
        DROP VIEW app.lint_view; DROP TABLE app.lint_bad; DROP TABLE app.lint_global;
        DROP FUNCTION app.lint_definer();`);
    }
  });

  it('gives the runtime role DML only, and no way to rewrite the audit logs', async () => {
    const { rows } = await db.superuser.query<{ privilege_type: string; table_name: string }>(
      `SELECT table_name, privilege_type FROM information_schema.role_table_grants
        WHERE grantee = 'akinai_app' AND table_schema = 'app' ORDER BY 1, 2`,
    );
    const privileges = new Set(rows.map((r) => r.privilege_type));
    expect([...privileges].sort()).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
    const audit = rows.filter((r) => r.table_name === 'audit_log').map((r) => r.privilege_type);
    expect(audit.sort()).toEqual(['INSERT', 'SELECT']);
    const operatorLog = rows
      .filter((r) => r.table_name === 'operator_audit_log')
      .map((r) => r.privilege_type);
    expect(operatorLog.sort()).toEqual(['INSERT', 'SELECT']);
  });
});
