import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../src/server/modules/organization/create-tenant';
import { main } from '../../src/server/ops/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** `npm run ops -- audit:verify` against a real database, after tampering as superuser. */
let db: TestDatabase;
let env: Record<string, string>;
const origin = { actorLabel: 'test', ip: '127.0.0.1', userAgent: 'vitest', requestId: 'ops' };

beforeAll(async () => {
  db = await createTestDatabase();
  env = { DATABASE_URL: db.runtimeUrl, DATABASE_OWNER_URL: db.ownerUrl };
  for (const code of ['ops-a', 'ops-b']) {
    await createTenant(
      db.pool,
      {
        code,
        name: `運用 ${code}`,
        admin: { loginId: 'admin', name: '管理者', password: 'x'.repeat(20) },
      },
      origin,
    );
  }
});
afterAll(() => db.drop());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ops audit:verify', () => {
  it('reports every tenant intact and exits 0', async () => {
    const result = await run('audit:verify');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /OK {2}ops-a \(運用 ops-a\): \d+件 \/ rows — 改ざんなし \/ chain intact/,
    );
    expect(result.out).toMatch(/OK {2}ops-b /);
    expect(result.out).toContain('Result: all 2 tenant(s) intact');
  });

  it('names the exact tampered sequence and exits 1, as a child process too', async () => {
    const { rows } = await db.superuser.query(
      `UPDATE app.audit_log SET after = '{"code":"forged"}'
        WHERE tenant_id = (SELECT tenant_id FROM app.tenants WHERE code = 'ops-a') AND seq = 2
        RETURNING seq`,
    );
    expect(rows).toHaveLength(1);
    const result = await run('audit:verify');
    expect(result.code).toBe(1);
    expect(result.out).toContain('NG  ops-a');
    expect(result.out).toContain('連番 2 で改ざんまたは欠落を検出 / chain broken at sequence 2');
    expect(result.out).toMatch(/OK {2}ops-b /);
    expect(result.out).toContain('Result: 1 of 2 tenant(s) have a broken chain');

    const child = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/server/ops/cli.ts', 'audit:verify', '--tenant', 'ops-a'],
      { env: { ...process.env, ...env } },
    ).catch((error: { code: number; stdout: string }) => error);
    expect('code' in child ? child.code : 0).toBe(1);
    expect(child.stdout).toContain('chain broken at sequence 2');
    expect(child.stdout).not.toContain('ops-b');
  });

  it('checks one tenant by code and refuses unknown codes and commands', async () => {
    const one = await run('audit:verify', '--tenant', 'ops-b');
    expect(one.code).toBe(0);
    expect(one.out).not.toContain('ops-a');
    const unknown = await run('audit:verify', '--tenant', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No tenant with code "nope"');
    const badCommand = await run('audit:nothing');
    expect(badCommand.code).toBe(2);
    expect(badCommand.err).toContain('audit:verify [--tenant <組織コード>]');
  });

  it('keeps the runtime role from listing tenants even when it asks', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.ops_all_tenants', 'on', true)");
      const { rows } = await client.query('SELECT code FROM app.tenants');
      expect(rows).toEqual([]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
