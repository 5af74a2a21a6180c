import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  type TestApp,
  type TestTenant,
} from '../support/app';

let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

const countRows = async (table: string, where = 'true') =>
  withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query(
      `SELECT count(*)::int AS n FROM app.${table} WHERE ${where}`,
    );
    return rows[0].n as number;
  });

/** A 法人番号-based number whose check digit is right (国税庁's published example). */
const VALID = 'T8000012010038';
const CHECK_DIGIT_WRONG = 'T1000012010038';

describe('仕入先 API', () => {
  it('normalises the registration number and saves a valid one without a warning', async () => {
    const response = await api(t, tenant.adminCookie).post('/api/v1/suppliers', {
      code: 'S001',
      name: '株式会社仕入',
      kana: 'シイレ',
      registrationNumber: 'ｔ８０００－０１２０－１００３８',
      registrationStatus: 'registered',
      registeredOn: '2023-10-01',
      paymentMonthsAfter: 2,
      paymentDay: 10,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      registrationNumber: VALID,
      registrationStatus: 'registered',
      registeredOn: '2023-10-01',
      registrationNumberWarning: null,
      termsSummary: '末日締め 翌々月10日 振込',
    });
  });

  it('refuses a malformed number with 400 and a Japanese message, writing nothing', async () => {
    const before = await countRows('suppliers');
    const response = await api(t, tenant.adminCookie).post('/api/v1/suppliers', {
      code: 'S002',
      name: '桁違い',
      registrationNumber: 'T12345',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      {
        path: 'registrationNumber',
        message: '登録番号は「T」と13桁の数字で入力してください（例：T1234567890123）',
      },
    ]);
    expect(await countRows('suppliers')).toBe(before);
  });

  it('saves a number whose check digit fails but says so in the response', async () => {
    const response = await api(t, tenant.adminCookie).post('/api/v1/suppliers', {
      code: 'S003',
      name: '個人事業者',
      registrationNumber: CHECK_DIGIT_WRONG,
      registrationStatus: 'checking',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().registrationNumber).toBe(CHECK_DIGIT_WRONG);
    expect(response.json().registrationNumberWarning).toContain('チェックデジット');
    const read = await api(t, tenant.adminCookie).get(
      `/api/v1/suppliers/${response.json().supplierId}`,
    );
    expect(read.json().registrationNumberWarning).toContain('チェックデジット');
  });

  it('needs a number when the status is 登録済', async () => {
    const response = await api(t, tenant.adminCookie).post('/api/v1/suppliers', {
      code: 'S004',
      name: '番号なし',
      registrationStatus: 'registered',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'registrationNumber' });
  });

  it("takes another supplier as 支払先 but not another tenant's", async () => {
    const payee = (await api(t, tenant.adminCookie).get('/api/v1/suppliers?q=S001')).json()
      .items[0];
    const ok = await api(t, tenant.adminCookie).post('/api/v1/suppliers', {
      code: 'S005',
      name: '支店',
      payToSupplierId: payee.supplierId,
    });
    expect(ok.json()).toMatchObject({ payTo: { code: 'S001', name: '株式会社仕入' } });

    const other = await createSignedInTenant(t);
    const foreign = (
      await api(t, other.adminCookie).post('/api/v1/suppliers', { code: 'X1', name: '他社' })
    ).json();
    const before = await countRows('suppliers');
    const refused = await api(t, tenant.adminCookie).post('/api/v1/suppliers', {
      code: 'S006',
      name: '越境',
      payToSupplierId: foreign.supplierId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toEqual({
      path: 'payToSupplierId',
      message: '支払先が見つかりません。選び直してください',
    });
    expect(await countRows('suppliers')).toBe(before);
    expect(
      (await api(t, tenant.adminCookie).get(`/api/v1/suppliers/${foreign.supplierId}`)).statusCode,
    ).toBe(404);

    const inUse = await api(t, tenant.adminCookie).send(
      'DELETE',
      `/api/v1/suppliers/${payee.supplierId}?version=1`,
    );
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('supplier_in_use');
  });

  it('searches by kana in any width or script and pages', async () => {
    const found = await api(t, tenant.adminCookie).get(
      `/api/v1/suppliers?q=${encodeURIComponent('ｼｲﾚ')}`,
    );
    expect(found.json().items.map((s: { code: string }) => s.code)).toEqual(['S001']);
    const page1 = (await api(t, tenant.adminCookie).get('/api/v1/suppliers?limit=2')).json();
    expect(page1.total).toEqual({ count: 3, isCapped: false });
    const page2 = (
      await api(t, tenant.adminCookie).get(`/api/v1/suppliers?limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect([...page1.items, ...page2.items].map((s: { code: string }) => s.code)).toEqual([
      'S001',
      'S003',
      'S005',
    ]);
  });

  it('denies suppliers to a user without the permission', async () => {
    const clerk = await createUser(t, tenant, {
      loginId: 'clerk',
      permissions: ['customers:view'],
    });
    expect((await api(t, clerk.cookie).get('/api/v1/suppliers')).statusCode).toBe(403);
  });
});

describe('コードの自動採番', () => {
  const numbering = () => api(t, tenant.adminCookie).get('/api/v1/settings/code-numbering');

  it('starts off for every kind, and an empty code is then a field error', async () => {
    expect((await numbering()).json().items).toEqual([
      { kind: 'customers', isAuto: false, width: 6, version: 0 },
      { kind: 'suppliers', isAuto: false, width: 6, version: 0 },
      { kind: 'products', isAuto: false, width: 6, version: 0 },
    ]);
    const response = await api(t, tenant.adminCookie).post('/api/v1/suppliers', { name: '無番' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'code', message: 'コードを入力してください' }]);
  });

  it('is changed by admins only, audited, and locked by version', async () => {
    const clerk = await createUser(t, tenant, {
      loginId: 'numbering-clerk',
      permissions: ['suppliers:create'],
    });
    const body = { items: [{ kind: 'suppliers', isAuto: true, width: 4, version: 0 }] };
    expect(
      (await api(t, clerk.cookie).put('/api/v1/settings/code-numbering', body)).statusCode,
    ).toBe(403);
    // Anyone signed in may read it: the forms show 「自動採番」 from it.
    expect((await api(t, clerk.cookie).get('/api/v1/settings/code-numbering')).statusCode).toBe(
      200,
    );
    const saved = await api(t, tenant.adminCookie).put('/api/v1/settings/code-numbering', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items[1]).toEqual({
      kind: 'suppliers',
      isAuto: true,
      width: 4,
      version: 1,
    });
    const stale = await api(t, tenant.adminCookie).put('/api/v1/settings/code-numbering', body);
    expect(stale.statusCode).toBe(409);
    expect(await countRows('audit_log', "event = 'settings.code_numbering_updated'")).toBe(1);
    const tooWide = await api(t, tenant.adminCookie).put('/api/v1/settings/code-numbering', {
      items: [{ kind: 'suppliers', isAuto: true, width: 16, version: 1 }],
    });
    expect(tooWide.statusCode).toBe(400);
  });

  it('numbers after the highest all-digit code of the configured width only', async () => {
    for (const code of ['0041', '123', '99999', 'A999', '00x9']) {
      const made = await api(t, tenant.adminCookie).post('/api/v1/suppliers', { code, name: code });
      expect(made.statusCode).toBe(201);
    }
    const numbered = await api(t, tenant.adminCookie).post('/api/v1/suppliers', { name: '自動' });
    expect(numbered.statusCode).toBe(201);
    expect(numbered.json().code).toBe('0042');
    // A typed code still wins over numbering.
    const typed = await api(t, tenant.adminCookie).post('/api/v1/suppliers', {
      code: 'MAN1',
      name: '手入力',
    });
    expect(typed.json().code).toBe('MAN1');
  });

  it('gives concurrent creates distinct consecutive numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        api(t, tenant.adminCookie).post('/api/v1/suppliers', { name: `並行${index}` }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const codes = responses.map((r) => r.json().code as string).sort();
    expect(codes).toEqual(['0043', '0044', '0045', '0046', '0047', '0048', '0049', '0050']);
  });

  it('says so when the width is used up', async () => {
    const current = (await numbering()).json().items;
    await api(t, tenant.adminCookie).put('/api/v1/settings/code-numbering', {
      items: [{ kind: 'customers', isAuto: true, width: 3, version: current[0].version }],
    });
    await api(t, tenant.adminCookie).post('/api/v1/customers', { code: '999', name: '最後' });
    const response = await api(t, tenant.adminCookie).post('/api/v1/customers', { name: '溢れ' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('code_numbering_exhausted');
    // Updating an existing customer never renumbers it: an empty code stays an error.
    const last = (await api(t, tenant.adminCookie).get('/api/v1/customers?q=999')).json().items[0];
    const cleared = await api(t, tenant.adminCookie).put(`/api/v1/customers/${last.customerId}`, {
      code: '',
      name: '最後',
      version: 1,
    });
    expect(cleared.statusCode).toBe(400);
  });
});
