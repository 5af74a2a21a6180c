import { and, asc, eq, getTableColumns, gt, type SQLWrapper, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sessions } from '../../src/server/modules/identity/session.table';
import { customerListSchema } from '../../src/server/modules/partners/customers/customer.schema';
import { customers } from '../../src/server/modules/partners/customers/customer.table';
import { isoTimestamp, isoTimestampTypes } from '../../src/server/platform/db/iso-timestamp';
import { createPool } from '../../src/server/platform/db/pool';
import { preparedStatement } from '../../src/server/platform/db/prepared-statement';
import { rowSelection, selectRows } from '../../src/server/platform/db/row-select';
import { shapedSelect, shapedStatement } from '../../src/server/platform/db/shaped-statement';
import {
  openTenantTransaction,
  withTenantTransaction,
} from '../../src/server/platform/db/tenant-transaction';
import { uuidv7 } from '../../src/server/platform/db/uuid';
import { compileFastSerializer } from '../../src/server/platform/http/fast-serializer';
import { createSignedInTenant, createTestApp, type TestApp, type TestTenant } from '../support/app';

let t: TestApp;
let tenant: TestTenant;
let onePool: pg.Pool;

const plusOne = preparedStatement('akinai_test_plus_one', ['int'], 'SELECT $1 + 1 AS n');

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
  // One connection, so every transaction below reuses the same server session.
  onePool = createPool(t.db.runtimeUrl, 1);
});
afterAll(async () => {
  await onePool.end();
  await t.close();
});

async function executePlusOne(extra: string[] = []) {
  const tx = await openTenantTransaction(onePool, tenant.tenantId, {
    statements: [`EXECUTE ${plusOne.name}(41)`, ...extra],
    prepared: [plusOne],
  });
  const backend = await tx.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  await tx.commit();
  return { n: tx.preludeResults[0]?.rows[0]?.n, pid: backend.rows[0]?.pid };
}

describe('prepared prelude statements', () => {
  it('are defined once per connection and executed inside the one-round-trip prelude', async () => {
    const first = await executePlusOne();
    const second = await executePlusOne();
    expect(first).toEqual({ n: 42, pid: second.pid });
    // Defining it again on the same session would have failed with 42P05 (already exists).
    const defined = await withTenantTransaction(onePool, tenant.tenantId, (tx) =>
      tx.client.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = $1`, [
        plusOne.name,
      ]),
    );
    expect(defined.rows[0].n).toBe(1);
  });

  it('drop a connection whose prelude failed after defining them, so the next one redefines', async () => {
    const fresh = createPool(t.db.runtimeUrl, 1);
    const before = await (async () => {
      const tx = await openTenantTransaction(fresh, tenant.tenantId);
      const { rows } = await tx.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await tx.commit();
      return rows[0]?.pid;
    })();
    await expect(
      openTenantTransaction(fresh, tenant.tenantId, {
        statements: [`EXECUTE ${plusOne.name}(1)`, 'SELECT 1 / 0'],
        prepared: [plusOne],
      }),
    ).rejects.toThrow(/division by zero/);
    const tx = await openTenantTransaction(fresh, tenant.tenantId, {
      statements: [`EXECUTE ${plusOne.name}(1)`, 'SELECT pg_backend_pid() AS pid'],
      prepared: [plusOne],
    });
    await tx.commit();
    expect(tx.preludeResults[0]?.rows[0]?.n).toBe(2);
    expect(tx.preludeResults[1]?.rows[0]?.pid).not.toBe(before);
    await fresh.end();
  });

  it('refuse a second statement under the same name', () => {
    expect(() => preparedStatement(plusOne.name, [], 'SELECT 1')).toThrow(/defined twice/);
  });

  it('keep the session check working across many requests on the same connections', async () => {
    for (let i = 0; i < 25; i++) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: tenant.adminCookie },
      });
      expect(response.statusCode).toBe(200);
    }
  });
});

describe('rowSelection', () => {
  it('reads rows exactly as drizzle maps them', async () => {
    const all = Object.keys(getTableColumns(customers)) as (keyof typeof customers.$inferSelect)[];
    await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
      await tx.db.insert(customers).values({
        tenantId: tenant.tenantId,
        customerId: uuidv7(),
        code: 'RS1',
        name: '行読取株式会社',
        kana: 'ギョウヨミトリ',
        honorific: '様',
        searchName: '行読取株式会社',
        searchKana: 'ギョウヨミトリ',
      });
      const where = sql`from ${customers} where ${eq(customers.code, 'RS1')} order by ${asc(customers.code)}`;
      const raw = await selectRows(tx, rowSelection(customers, all), where);
      const mapped = await tx.db.select().from(customers).where(eq(customers.code, 'RS1'));
      expect(raw).toEqual(mapped);
      expect(raw[0]?.createdAt).toBeInstanceOf(Date);
    });
  });

  it('reads timestamps as the ISO strings Date#toISOString gives, in any session time zone', async () => {
    const keys = ['code', 'createdAt', 'updatedAt'] as const;
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/St_Johns']) {
      await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
        await tx.client.query(`SET LOCAL TimeZone = '${zone}'`);
        const where = sql`from ${customers} where ${eq(customers.code, 'RS1')}`;
        const [iso] = await selectRows(
          tx,
          rowSelection(customers, keys, { timestamps: 'iso' }),
          where,
        );
        const [dated] = await selectRows(tx, rowSelection(customers, keys), where);
        expect(iso).toEqual({
          code: 'RS1',
          createdAt: dated?.createdAt.toISOString(),
          updatedAt: dated?.updatedAt.toISOString(),
        });
      });
    }
  });

  it('converts every form PostgreSQL prints for a timestamptz like pg and Date would', async () => {
    const parse = isoTimestampTypes.getTypeParser(1184, 'text') as (text: string) => string;
    expect(parse).toBe(isoTimestamp);
    const { rows } = await t.db.superuser.query<{ text: string }>(
      `SELECT v::text AS text FROM (VALUES
         ('2026-11-26 00:49:00+00'::timestamptz), ('2026-11-26 00:49:00.1+00'),
         ('2026-11-26 00:49:00.123456+00'), ('2026-11-26 00:49:00.9999+00'),
         ('0099-01-01 00:00:00+00'), ('12026-01-01 00:00:00+00')) AS t(v)`,
    );
    const forms = [
      ...rows.map((row) => row.text),
      '2026-11-26 09:49:00.5+09',
      '2026-11-25 21:19:00+03:30',
      '1900-01-01 00:00:00+09:18:59',
      '0044-03-15 12:00:00+00 BC',
    ];
    const reference = pg.types.getTypeParser(1184, 'text') as (text: string) => Date;
    for (const text of forms) expect(isoTimestamp(text), text).toBe(reference(text).toISOString());
    expect(isoTimestamp('2026-11-26 00:49:00.123456+00')).toBe('2026-11-26T00:49:00.123Z');
  });

  it('refuses column types whose pg parsing it has not been checked against', () => {
    expect(() => rowSelection(sessions, ['tokenHash'])).toThrow(/not supported/);
  });
});

describe('shapedStatement', () => {
  type Shape = { byCode: boolean };
  const byCode = (shape: Shape, code: string | SQLWrapper) =>
    and(eq(customers.isActive, true), shape.byCode ? gt(customers.code, code) : undefined);

  it('compiles once per shape to the text drizzle writes, binding values per request', () => {
    let builds = 0;
    const statement = shapedStatement<Shape, unknown>((shape) => {
      builds += 1;
      return sql`select 1 from ${customers} where ${byCode(shape, sql.placeholder('code'))} limit ${sql.placeholder('limit')}`;
    });
    const dialect = new PgDialect();
    for (const code of ['A', "x' OR 1=1 --"]) {
      const literal = dialect.sqlToQuery(
        sql`select 1 from ${customers} where ${byCode({ byCode: true }, code)} limit ${5}`,
      );
      const shaped = statement.query({ byCode: true }, { code, limit: 5 });
      expect(shaped).toEqual({ text: literal.sql, values: literal.params });
      expect(shaped.text).not.toContain('OR 1=1');
    }
    expect(statement.query({ byCode: false }, { limit: 7 })).toEqual({
      text: expect.not.stringContaining('"code" >'),
      values: [true, 7],
    });
    statement.query({ byCode: false }, { limit: 8 });
    expect(builds).toBe(2);
  });

  it('encodes placeholder values through the column they are bound to', () => {
    const at = new Date('2026-11-26T01:02:03.004Z');
    const statement = shapedStatement<Record<string, never>, unknown>(
      () => sql`select ${sql.param(sql.placeholder('at'), customers.createdAt)}`,
    );
    expect(statement.query({}, { at }).values).toEqual([at.toISOString()]);
  });

  it('refuses to run with a value missing rather than binding NULL', () => {
    const statement = shapedStatement<Record<string, never>, unknown>(
      () => sql`select ${sql.placeholder('missing')}`,
    );
    expect(() => statement.query({}, {})).toThrow(/missing/);
  });

  it('selects rows in the tenant transaction, under row-level security', async () => {
    const other = await createSignedInTenant(t);
    const codes = shapedSelect(
      rowSelection(customers, ['code']),
      (shape: Shape) =>
        sql`from ${customers} where ${byCode(shape, sql.placeholder('after'))} order by ${asc(customers.code)}`,
    );
    for (const [who, code] of [
      [tenant, 'SH1'],
      [other, 'SH2'],
    ] as const) {
      await withTenantTransaction(t.db.pool, who.tenantId, async (tx) => {
        await tx.db.insert(customers).values({
          tenantId: who.tenantId,
          customerId: uuidv7(),
          code,
          name: '形文株式会社',
          kana: 'カタチブン',
          honorific: '御中',
          searchName: '形文株式会社',
          searchKana: 'カタチブン',
        });
      });
    }
    const rows = await withTenantTransaction(t.db.pool, tenant.tenantId, (tx) =>
      codes.rows(tx, { byCode: true }, { after: 'SH' }),
    );
    expect(rows).toEqual([{ code: 'SH1' }]);
  });
});

describe('compileFastSerializer', () => {
  const serialize = compileFastSerializer(customerListSchema);
  const customer = {
    customerId: '01a21552-87df-7a9e-9960-ea5384db966a',
    code: 'C"1\\',
    name: '山田商事\n"本店"',
    kana: 'ヤマダ',
    shortName: '',
    honorific: '御中' as const,
    postalCode: '100-0001',
    address1: '東京都',
    address2: '',
    phone: '',
    fax: '',
    email: '',
    notes: '\u0000\u2028',
    isActive: true,
    version: 3,
    createdAt: '2026-11-26T00:49:00.123Z',
    updatedAt: '2026-11-26T00:49:00.123Z',
  };
  const list = { items: [customer], nextCursor: 'abc', total: null };

  it('writes what zod would, byte for byte', () => {
    for (const value of [
      list,
      { ...list, nextCursor: null, total: { count: 1, isCapped: false } },
    ]) {
      expect(serialize(value)).toBe(JSON.stringify(z.encode(customerListSchema, value)));
    }
  });

  it('drops properties the contract does not declare', () => {
    const leaky = { ...list, items: [{ ...customer, tenantId: 'x', searchKana: 'ヤマダ' }] };
    expect(JSON.parse(serialize(leaky)).items[0]).toEqual(customer);
  });

  it('fails rather than writing a response without a required property', () => {
    const { code: _code, ...incomplete } = customer;
    expect(() => serialize({ ...list, items: [incomplete] })).toThrow(/code/);
  });
});
