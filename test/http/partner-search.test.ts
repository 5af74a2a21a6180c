import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../src/domain/text/normalize-search';
import { LEGAL_FORMS, searchCore } from '../../src/domain/text/search-core';
import { findCustomers } from '../../src/server/modules/partners/customers/find-customers';
import { partnerListQuerySchema } from '../../src/server/modules/partners/shared/partner.schema';
import { findSuppliers } from '../../src/server/modules/partners/suppliers/find-suppliers';
import { openTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  type TestApp,
  type TestTenant,
} from '../support/app';
import { listPlans } from '../support/list-plans';

/**
 * The `q` search of both partner lists (ADR 0023): what it finds, with which filters, sorting
 * and paging, that it follows every write, and that its count is exact up to the cap.
 */
let t: TestApp;
let tenant: TestTenant;
let staffId: string;
let regionAxis: string;
let kantoId: string;

const customers = [
  { code: 'A001', name: '株式会社山田商店', kana: 'ヤマダショウテン', phone: '03-1234-5678' },
  { code: 'A002', name: '山田精機有限会社', kana: 'ヤマダセイキ', phone: '06-9876-5432' },
  { code: 'A003', name: '㈱東京山田サービス', kana: 'トウキョウヤマダサービス', phone: '' },
  { code: 'B001', name: '佐藤運輸株式会社', kana: 'サトウウンユ', phone: '045-222-3333' },
  { code: 'B002', name: 'カブシキ商会', kana: 'ｶﾌﾞｼｷｼｮｳｶｲ', phone: '' },
  // Same first 16 characters of the name's core: only the full query tells them apart.
  { code: 'L001', name: 'あいうえおかきくけこさしすせそたちつ', kana: '', phone: '' },
  { code: 'L002', name: 'あいうえおかきくけこさしすせそたてと', kana: '', phone: '' },
  { code: '12345', name: '数字コード商事', kana: 'スウジコードショウジ', phone: '' },
];
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
  staffId = (await createUser(t, tenant, { loginId: 'sales-search', permissions: [] })).userId;
  const axes = (
    await api(t, tenant.adminCookie).get('/api/v1/classification-axes?partnerType=customer')
  ).json().axes;
  regionAxis = axes[0].axisId;
  const item = await api(t, tenant.adminCookie).post(
    `/api/v1/classification-axes/${regionAxis}/items`,
    { code: 'E', name: '関東' },
  );
  kantoId = item.json().itemId;
  for (const customer of customers) {
    const extra = customer.code.startsWith('A0')
      ? {
          staffUserId: customer.code === 'A001' ? staffId : null,
          classifications:
            customer.code === 'A002' ? [{ axisId: regionAxis, itemId: kantoId }] : [],
        }
      : {};
    const response = await api(t, tenant.adminCookie).post('/api/v1/customers', {
      ...customer,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    ids[customer.code] = response.json().customerId;
  }
});
afterAll(() => t.close());

async function codes(query: string, cookie = tenant.adminCookie): Promise<string[]> {
  const response = await api(t, cookie).get(`/api/v1/customers?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((c: { code: string }) => c.code);
}
const q = (text: string, rest = '') => codes(`q=${encodeURIComponent(text)}${rest}`);

describe('partner search (q)', () => {
  it('finds by code prefix', async () => {
    expect(await q('A00')).toEqual(['A001', 'A002', 'A003']);
    expect(await q('B002')).toEqual(['B002']);
    expect(await q('a00')).toEqual([]);
  });

  it('finds by any part of the name, in any width and kana script', async () => {
    expect(await q('山田')).toEqual(['A001', 'A002', 'A003']);
    expect(await q('精機')).toEqual(['A002']);
    expect(await q('サービス')).toEqual(['A003']);
    expect(await q('ｻｰﾋﾞｽ')).toEqual(['A003']);
    expect(await q('さーびす')).toEqual(['A003']);
    expect(await q('ＳＥＲＶＩＣＥ')).toEqual([]);
  });

  it('ignores 法人格 in the name and in the query: 株式会社, (株) and ㈱ find each other', async () => {
    for (const text of [
      '株式会社山田商店',
      '㈱山田商店',
      '(株)山田商店',
      '（株）山田商店',
      '山田商店',
    ]) {
      expect(await q(text), text).toEqual(['A001']);
    }
    expect(await q('東京山田')).toEqual(['A003']);
    expect(await q('佐藤運輸(株)')).toEqual(['B001']);
    // Only a 法人格: the names that contain it, as typed.
    expect(await q('株式会社')).toEqual(['A001', 'B001']);
  });

  it('finds a name with a 法人格 in the middle when it is typed as registered', async () => {
    for (const [code, name] of [
      ['M001', '北海商事(株)札幌支店'],
      ['M002', '南国郵便株式会社 那覇支店'],
    ]) {
      const created = await api(t, tenant.adminCookie).post('/api/v1/customers', { code, name });
      expect(created.statusCode, created.body).toBe(201);
    }
    expect(await q('北海商事(株)札幌支店')).toEqual(['M001']);
    expect(await q('北海商事㈱札幌支店')).toEqual(['M001']);
    expect(await q('南国郵便株式会社 那覇支店')).toEqual(['M002']);
    expect(await q('㈱北海商事')).toEqual(['M001']);
  });

  it('finds by kana prefix typed in hiragana, katakana or half-width kana', async () => {
    for (const text of ['かぶしき', 'ｶﾌﾞｼｷ', 'カブシキ']) {
      expect(await q(text), text).toEqual(['B002']);
    }
    expect(await q('やまだ')).toEqual(['A001', 'A002']);
    // Kana is a prefix search; the middle of a フリガナ is not (its name may still match).
    expect(await q('ショウテン')).toEqual([]);
  });

  it('finds by phone digits anywhere, hyphens and width ignored', async () => {
    expect(await q('0312345678')).toEqual(['A001']);
    expect(await q('03-1234-5678')).toEqual(['A001']);
    expect(await q('１２３４－５６')).toEqual(['A001']);
    expect(await q('5678')).toEqual(['A001']);
    expect(await q('3333')).toEqual(['B001']);
    expect(await q('234')).toEqual(['A001']);
    // Digits also start codes: 123 is in A001's phone and starts code 12345.
    expect(await q('123')).toEqual(['12345', 'A001']);
  });

  it('matches long queries on the whole name', async () => {
    expect(await q('あいうえおかきくけこさしすせそたちつ')).toEqual(['L001']);
    expect(await q('いうえおかきくけこさしすせそたてと')).toEqual(['L002']);
    expect(await q('あいうえおかきくけこさしすせそた')).toEqual(['L001', 'L002']);
    expect(await q('あいうえおかきくけこさしすせそたx')).toEqual([]);
  });

  it('combines with the staff, 分類, department and active filters, sorting and paging', async () => {
    expect(await q('山田', `&staff=${staffId}`)).toEqual(['A001']);
    expect(await q('山田', `&classifications=${kantoId}`)).toEqual(['A002']);
    expect(await q('山田', '&sort=kana')).toEqual(['A003', 'A001', 'A002']);
    const first = (
      await api(t, tenant.adminCookie).get(
        `/api/v1/customers?q=${encodeURIComponent('山田')}&sort=kana&limit=2`,
      )
    ).json();
    expect(first.total).toEqual({ count: 3, isCapped: false });
    const second = await codes(
      `q=${encodeURIComponent('山田')}&sort=kana&limit=2&cursor=${first.nextCursor}`,
    );
    expect([...first.items.map((c: { code: string }) => c.code), ...second]).toEqual([
      'A003',
      'A001',
      'A002',
    ]);
    const deactivated = await api(t, tenant.adminCookie).put(`/api/v1/customers/${ids.A003}`, {
      ...customers[2],
      isActive: false,
      version: 1,
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(await q('山田')).toEqual(['A001', 'A002']);
    expect(await q('山田', '&active=all')).toEqual(['A001', 'A002', 'A003']);
    expect(await q('山田', '&active=false')).toEqual(['A003']);
  });

  it('follows renames and deletes', async () => {
    const created = await api(t, tenant.adminCookie).post('/api/v1/customers', {
      code: 'R001',
      name: '旧名称工業',
      phone: '011-555-0000',
    });
    const { customerId } = created.json();
    expect(await q('旧名称')).toEqual(['R001']);
    const notes = await api(t, tenant.adminCookie).put(`/api/v1/customers/${customerId}`, {
      code: 'R001',
      name: '旧名称工業',
      phone: '011-555-0000',
      notes: '備考だけ変更',
      version: 1,
    });
    expect(notes.statusCode, notes.body).toBe(200);
    expect(await q('0000')).toEqual(['R001']);
    const renamed = await api(t, tenant.adminCookie).put(`/api/v1/customers/${customerId}`, {
      code: 'R002',
      name: '新名称工業',
      phone: '011-555-9999',
      version: 2,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await q('旧名称')).toEqual([]);
    expect(await q('R001')).toEqual([]);
    expect(await q('0000')).toEqual([]);
    expect(await q('新名称')).toEqual(['R002']);
    expect(await q('R00')).toEqual(['R002']);
    expect(await q('9999')).toEqual(['R002']);
    const deleted = await api(t, tenant.adminCookie).send(
      'DELETE',
      `/api/v1/customers/${customerId}?version=3`,
    );
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await q('新名称')).toEqual([]);
  });

  it("never finds another tenant's partners", async () => {
    const other = await createSignedInTenant(t);
    expect(await q('山田')).not.toEqual([]);
    expect(await codes(`q=${encodeURIComponent('山田')}`, other.adminCookie)).toEqual([]);
    expect(await codes('q=A00', other.adminCookie)).toEqual([]);
  });

  it('searches suppliers the same way', async () => {
    const created = await api(t, tenant.adminCookie).post('/api/v1/suppliers', {
      code: 'S001',
      name: '有限会社鈴木製作所',
      kana: 'スズキセイサクショ',
      phone: '052-111-2468',
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const text of ['製作', '(有)鈴木', 'すずき', 'ｽｽﾞｷ', '2468', '052-111', 'S0']) {
      const response = await api(t, tenant.adminCookie).get(
        `/api/v1/suppliers?q=${encodeURIComponent(text)}`,
      );
      expect(
        response.json().items.map((s: { code: string }) => s.code),
        text,
      ).toEqual(['S001']);
    }
  });
});

describe('at the count cap', () => {
  it('counts exactly up to 1,000, caps above, and pages through every match once', async () => {
    const bulk = await createSignedInTenant(t);
    const tx = await openTenantTransaction(t.db.pool, bulk.tenantId);
    await tx.client.query(
      `INSERT INTO app.customers (tenant_id, customer_id, code, name, search_name, search_kana)
       SELECT $1::uuid, gen_random_uuid(), 'K' || lpad(n::text, 4, '0'), '一括商事' || n, '一括商事' || n, ''
         FROM generate_series(1, 1003) AS n`,
      [bulk.tenantId],
    );
    await tx.commit();
    const list = (query: string) =>
      api(t, bulk.adminCookie)
        .get(`/api/v1/customers?${query}`)
        .then((r) => r.json());
    expect((await list(`q=${encodeURIComponent('一括商事100')}`)).total).toEqual({
      count: 5, // 100, 1000, 1001, 1002, 1003
      isCapped: false,
    });
    const first = await list(`q=${encodeURIComponent('一括')}&limit=100`);
    expect(first.total).toEqual({ count: 1000, isCapped: true });
    const seen = new Set<string>(first.items.map((c: { code: string }) => c.code));
    for (let cursor = first.nextCursor; cursor; ) {
      const page = await list(`q=${encodeURIComponent('一括')}&limit=100&cursor=${cursor}`);
      expect(page.total).toBeNull();
      for (const c of page.items) seen.add(c.code);
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(1003);
  });
});

describe('plans', () => {
  // As autovacuum would have by then: index-only scans need the visibility map, and planner
  // statistics on a few test rows would otherwise favour reading the table.
  beforeAll(() => t.db.superuser.query('VACUUM (ANALYZE) app.customers, app.suppliers'));

  const plans = (find: typeof findCustomers | typeof findSuppliers, query: string) => {
    const parsed = partnerListQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));
    return listPlans(t.db.pool, tenant.tenantId, (tx) => find(tx, parsed as never));
  };

  it('finds the page of a search by an index-only scan in the list order, whatever the filters', async () => {
    const filters = [
      '',
      '&active=all',
      `&staff=${staffId}`,
      `&classifications=${kantoId}`,
      '&kana=ヤマ',
      '&cursor=WyLjg6Tjg54iLCJBMDAxIl0',
    ];
    for (const [find, table] of [
      [findCustomers, 'customers'],
      [findSuppliers, 'suppliers'],
    ] as const) {
      for (const sort of ['code', 'kana']) {
        for (const filter of filters) {
          const plan = await plans(find, `q=${encodeURIComponent('山田')}&sort=${sort}${filter}`);
          const label = `${table} sort=${sort}${filter}`;
          expect(plan, label).toMatch(
            new RegExp(`Index Only Scan using ${table}_(code|kana)_cover_idx`),
          );
          // Nothing the planner had to fall back on: no table scan, no bitmap scan.
          expect(plan, label).not.toContain('Disabled: true');
        }
      }
    }
  });
});

describe('searchCore', () => {
  it('leaves a 法人格 of LEGAL_FORMS out at either end of a query, and only there', () => {
    for (const form of LEGAL_FORMS) {
      expect(searchCore(normalizeForSearch(`${form}山田`)), form).toBe('山田');
      expect(searchCore(normalizeForSearch(`山田${form}`)), form).toBe('山田');
      expect(searchCore(normalizeForSearch(`${form} 山田 `)), form).toBe('山田');
      // In the middle it is part of the name as registered (山田商事(株)大阪支店).
      expect(searchCore(normalizeForSearch(`山田${form}大阪`)), form).toBe(
        normalizeForSearch(`山田${form}大阪`),
      );
    }
    expect(searchCore(normalizeForSearch('㈱山田'))).toBe('山田');
    expect(searchCore(normalizeForSearch('（有）山田'))).toBe('山田');
    // Nothing left: the query as typed.
    expect(searchCore('株式会社')).toBe('株式会社');
    expect(searchCore(normalizeForSearch('(株)'))).toBe('(株)');
    // Words that only contain part of a 法人格 stay.
    expect(searchCore('株式山田会社')).toBe('株式山田会社');
  });
});
