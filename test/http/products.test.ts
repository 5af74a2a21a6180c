import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProducts } from '../../src/server/modules/masters/products/find-products';
import {
  PRODUCT_COUNT_CAP,
  productListQuerySchema,
} from '../../src/server/modules/masters/products/product.schema';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  type TestApp,
  type TestTenant,
} from '../support/app';
import { listPlans } from '../support/list-plans';

/** 商品 master, 得意先別単価 and the unit price a document line starts with. */
let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

const admin = () => api(t, tenant.adminCookie);

async function customer(of: TestTenant, code: string) {
  const response = await api(t, of.adminCookie).post('/api/v1/customers', {
    code,
    name: `株式会社${code}`,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().customerId as string;
}

async function product(body: Record<string, unknown>) {
  const response = await admin().post('/api/v1/products', { name: '商品', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function lastAudit() {
  return withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query(
      'SELECT event, target_type, before, after FROM app.audit_log ORDER BY seq DESC LIMIT 1',
    );
    return rows[0];
  });
}

function fieldErrors(response: { json(): { errors?: { path: string; message: string }[] } }) {
  // The first message per field, as the form shows it.
  const result: Record<string, string> = {};
  for (const e of response.json().errors ?? []) result[e.path] ??= e.message;
  return result;
}

describe('商品 API', () => {
  it('creates a product with exact prices shown at its own decimals, audited', async () => {
    const made = await product({
      code: 'A-100(L)',
      name: 'コピー用紙 A4',
      kana: 'こぴーようし',
      spec: '500枚×5冊',
      unit: '箱',
      quantityPerCase: '5',
      priceDecimals: 2,
      unitPrice1: '2980',
      unitPrice2: '2750.5',
      unitPrice3: '0.1',
      cost: '1980.25',
      taxRateCode: '10',
      janCode: '4901234567894',
    });
    expect(made).toMatchObject({
      code: 'A-100(L)',
      unitPrice1: '2980.00',
      unitPrice2: '2750.50',
      unitPrice3: '0.10',
      unitPrice4: null,
      cost: '1980.25',
      quantityPerCase: '5',
      taxMode: 'exclusive',
      valuationMethod: 'lastPurchasePrice',
      isStockManaged: true,
      version: 1,
    });
    expect(await lastAudit()).toMatchObject({
      event: 'product.created',
      after: { code: 'A-100(L)', unitPrice2: '2750.5' },
    });
    const got = await admin().get(`/api/v1/products/${made.productId}`);
    expect(got.json()).toEqual(made);
  });

  it('refuses prices with more decimals than 単価小数桁, bad 入数, JAN and codes, in Japanese', async () => {
    const response = await admin().post('/api/v1/products', {
      code: 'BAD CODE',
      name: 'x'.repeat(101),
      spec: 'y'.repeat(41),
      priceDecimals: 1,
      unitPrice1: '100.25',
      unitPrice5: '1e3',
      cost: '12.5',
      quantityPerCase: '100000',
      quantityDecimals: 5,
      janCode: '4901234567895',
    });
    expect(response.statusCode).toBe(400);
    const errors = fieldErrors(response);
    expect(errors).toMatchObject({
      code: expect.stringMatching(/半角英数字/),
      name: expect.stringMatching(/100文字/),
      spec: expect.stringMatching(/40文字/),
      unitPrice1: '単価1は小数1桁以内で入力してください（単価小数桁）',
      unitPrice5: expect.stringMatching(/単価5は整数9桁・小数4桁以内/),
      quantityPerCase: expect.stringMatching(/100,000未満/),
      quantityDecimals: expect.stringMatching(/0〜4/),
      janCode: expect.stringMatching(/チェックデジット/),
    });
    expect(errors.cost).toBeUndefined();

    const integerOnly = await admin().post('/api/v1/products', {
      name: '整数',
      unitPrice1: '10.5',
    });
    expect(fieldErrors(integerOnly).unitPrice1).toMatch(/整数で入力/);
    const tooLong = await admin().post('/api/v1/products', {
      name: '長い',
      unitPrice1: '1234567890',
    });
    expect(fieldErrors(tooLong).unitPrice1).toMatch(/整数9桁/);
    const shortJan = await admin().post('/api/v1/products', { name: 'JAN', janCode: '12345' });
    expect(fieldErrors(shortJan).janCode).toMatch(/8桁または13桁/);
  });

  it('refuses a tax rate the tenant does not have, and accepts its own', async () => {
    const unknown = await admin().post('/api/v1/products', { name: '税', taxRateCode: 'NOPE' });
    expect(unknown.statusCode).toBe(400);
    expect(fieldErrors(unknown).taxRateCode).toMatch(/税率が見つかりません/);
    const own = await admin().post('/api/v1/tax-rates', {
      code: 'OWN7',
      printedName: '特別7%',
      ratePercent: '7',
      category: 'standard',
      sortOrder: 500,
    });
    expect(own.statusCode, own.body).toBe(201);
    const made = await product({
      code: 'OWN-TAX',
      name: '自社税率',
      taxRateCode: 'OWN7',
      taxMode: 'inclusive',
    });
    expect(made).toMatchObject({ taxRateCode: 'OWN7', taxMode: 'inclusive' });
    // The rate a product names cannot disappear from under it.
    const removal = await admin().send('DELETE', '/api/v1/tax-rates/OWN7?version=1');
    expect(removal.statusCode).toBe(409);
    expect(removal.json()).toMatchObject({ code: 'tax_rate_in_use' });
  });

  it('numbers codes left empty at the configured width, after the highest such code', async () => {
    const other = await createSignedInTenant(t);
    const post = (body: Record<string, unknown>) =>
      api(t, other.adminCookie).post('/api/v1/products', { name: '自動', ...body });
    expect((await post({})).json().errors).toEqual([
      { path: 'code', message: expect.stringMatching(/コードを入力/) },
    ]);
    const numbering = await api(t, other.adminCookie).put('/api/v1/settings/code-numbering', {
      items: [{ kind: 'products', isAuto: true, width: 6, version: 0 }],
    });
    expect(numbering.statusCode, numbering.body).toBe(200);
    expect((await post({})).json().code).toBe('000001');
    expect((await post({ code: '' })).json().code).toBe('000002');
    await post({ code: '000041' });
    await post({ code: '9999999' }); // another width: ignored
    await post({ code: 'Z-999' });
    expect((await post({})).json().code).toBe('000042');
    const taken = await post({ code: '000042' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'product_code_taken' });
    const concurrently = await Promise.all([post({}), post({}), post({})]);
    expect(concurrently.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(concurrently.map((r) => r.json().code).sort()).toEqual(['000043', '000044', '000045']);
  });

  it('updates with optimistic locking and a before/after audit of the changed fields', async () => {
    const made = await product({ code: 'UPD-1', name: '修正前', unitPrice1: '100' });
    const body = { code: 'UPD-1', name: '修正後', unitPrice1: '120', version: 1 };
    const updated = await admin().put(`/api/v1/products/${made.productId}`, body);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: '修正後', unitPrice1: '120', version: 2 });
    expect(await lastAudit()).toEqual({
      event: 'product.updated',
      target_type: 'product',
      before: { name: '修正前', unitPrice1: '100' },
      after: { name: '修正後', unitPrice1: '120' },
    });
    const stale = await admin().put(`/api/v1/products/${made.productId}`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    const noCode = await admin().put(`/api/v1/products/${made.productId}`, {
      ...body,
      code: '',
      version: 2,
    });
    expect(fieldErrors(noCode).code).toMatch(/商品コードを入力/);
  });

  it('searches by code prefix, name part, kana in any width and JAN, with keyset pages', async () => {
    const other = await createSignedInTenant(t);
    const post = (body: Record<string, unknown>) =>
      api(t, other.adminCookie).post('/api/v1/products', body);
    await post({ code: 'S-001', name: 'ボールペン 黒', kana: 'ボールペンクロ' });
    await post({ code: 'S-002', name: 'ボールペン 赤', kana: 'ﾎﾞｰﾙﾍﾟﾝｱｶ', janCode: '49123456' });
    await post({ code: 'T-001', name: '修正テープ', kana: 'しゅうせいてーぷ' });
    await post({ code: 'T-002', name: '使わない商品', isActive: false });
    const codes = async (query: string) =>
      (await api(t, other.adminCookie).get(`/api/v1/products?${query}`))
        .json()
        .items.map((p: { code: string }) => p.code);
    expect(await codes('q=S-')).toEqual(['S-001', 'S-002']);
    expect(await codes(`q=${encodeURIComponent('ぼーるぺん')}`)).toEqual(['S-001', 'S-002']);
    expect(await codes(`q=${encodeURIComponent('ｼｭｳｾｲ')}`)).toEqual(['T-001']);
    expect(await codes(`q=${encodeURIComponent('テープ')}`)).toEqual(['T-001']);
    expect(await codes('q=49123456')).toEqual(['S-002']);
    expect(await codes('q=4912345')).toEqual([]);
    expect(await codes('active=all')).toEqual(['S-001', 'S-002', 'T-001', 'T-002']);
    expect(await codes('sort=kana')).toEqual(['T-001', 'S-002', 'S-001']);

    const first = (await api(t, other.adminCookie).get('/api/v1/products?limit=2')).json();
    expect(first.items.map((p: { code: string }) => p.code)).toEqual(['S-001', 'S-002']);
    expect(first.total).toEqual({ count: 3, isCapped: false });
    const second = (
      await api(t, other.adminCookie).get(`/api/v1/products?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second).toMatchObject({ nextCursor: null, total: null });
    expect(second.items.map((p: { code: string }) => p.code)).toEqual(['T-001']);
  });

  it('deletes an unused product, and refuses one with partner prices suggesting 使用しない', async () => {
    const spare = await product({ code: 'DEL-1' });
    expect(
      (await admin().send('DELETE', `/api/v1/products/${spare.productId}?version=9`)).statusCode,
    ).toBe(409);
    expect(
      (await admin().send('DELETE', `/api/v1/products/${spare.productId}?version=1`)).statusCode,
    ).toBe(204);
    expect(await lastAudit()).toMatchObject({
      event: 'product.deleted',
      before: { code: 'DEL-1' },
    });

    const used = await product({ code: 'DEL-2', unitPrice1: '100' });
    const customerId = await customer(tenant, 'DELC');
    await admin().post(`/api/v1/products/${used.productId}/customer-prices`, {
      customerId,
      unitPrice: '90',
    });
    const refused = await admin().send('DELETE', `/api/v1/products/${used.productId}?version=1`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'product_in_use' });
    expect(refused.json().title).toMatch(/「使用しない」/);
    expect((await admin().get(`/api/v1/products/${used.productId}`)).statusCode).toBe(200);
  });
});

describe('得意先別単価', () => {
  it('adds, edits and deletes rows with a customer picker’s id, each audited', async () => {
    const made = await product({ code: 'CP-1', priceDecimals: 1, unitPrice1: '500' });
    const customerId = await customer(tenant, 'CPC1');
    const base = `/api/v1/products/${made.productId}/customer-prices`;
    const added = await admin().post(base, {
      customerId,
      unitPrice: '450.5',
      partnerProductCode: 'YAMADA-ITEM-0001',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      customer: { code: 'CPC1', name: '株式会社CPC1' },
      unitPrice: '450.5',
      partnerProductCode: 'YAMADA-ITEM-0001',
      validFrom: null,
      version: 1,
    });
    expect(await lastAudit()).toMatchObject({
      event: 'customer_price.created',
      target_type: 'customer_product_price',
      after: { productCode: 'CP-1', customerCode: 'CPC1', unitPrice: '450.5' },
    });

    const again = await admin().post(base, { customerId, unitPrice: '1' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'partner_price_taken' });
    const later = await admin().post(base, {
      customerId,
      unitPrice: '440',
      validFrom: '2027-04-01',
    });
    expect(later.statusCode, later.body).toBe(201);

    const list = (await admin().get(base)).json();
    expect(list.items.map((p: { unitPrice: string }) => p.unitPrice)).toEqual(['450.5', '440.0']);

    const priceId = added.json().priceId;
    const edited = await admin().put(`${base}/${priceId}`, {
      customerId,
      unitPrice: '455',
      partnerProductCode: 'YAMADA-ITEM-0001',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await lastAudit()).toMatchObject({
      event: 'customer_price.updated',
      before: { unitPrice: '450.5' },
      after: { unitPrice: '455.0' },
    });
    expect((await admin().send('DELETE', `${base}/${priceId}?version=1`)).statusCode).toBe(409);
    expect((await admin().send('DELETE', `${base}/${priceId}?version=2`)).statusCode).toBe(204);
    expect(await lastAudit()).toMatchObject({
      event: 'customer_price.deleted',
      before: { productCode: 'CP-1', unitPrice: '455.0' },
    });
  });

  it('checks the price against the product’s decimals and the code length', async () => {
    const made = await product({ code: 'CP-2', priceDecimals: 0 });
    const customerId = await customer(tenant, 'CPC2');
    const base = `/api/v1/products/${made.productId}/customer-prices`;
    const fraction = await admin().post(base, { customerId, unitPrice: '99.5' });
    expect(fieldErrors(fraction).unitPrice).toMatch(/単価は整数で入力/);
    const longCode = await admin().post(base, { customerId, partnerProductCode: 'X'.repeat(21) });
    expect(fieldErrors(longCode).partnerProductCode).toMatch(/20文字以内/);
    const nothing = await admin().post(base, { customerId });
    expect(fieldErrors(nothing).unitPrice).toMatch(/どちらか/);
    const codeOnly = await admin().post(base, { customerId, partnerProductCode: 'ONLY-CODE' });
    expect(codeOnly.statusCode, codeOnly.body).toBe(201);
  });

  it('refuses another tenant’s customer as not found and writes nothing', async () => {
    const other = await createSignedInTenant(t);
    const foreign = await customer(other, 'FOREIGN');
    const made = await product({ code: 'CP-3', unitPrice1: '10' });
    const base = `/api/v1/products/${made.productId}/customer-prices`;
    const response = await admin().post(base, { customerId: foreign, unitPrice: '5' });
    expect(response.statusCode).toBe(400);
    expect(fieldErrors(response)).toEqual({
      customerId: '得意先が見つかりません。選び直してください',
    });
    expect((await admin().get(base)).json().items).toEqual([]);
    const price = await admin().get(
      `/api/v1/products/${made.productId}/unit-price?customerId=${foreign}`,
    );
    expect(price.statusCode).toBe(404);
    // Nor can the other tenant see or price this tenant's product.
    const peek = await api(t, other.adminCookie).get(base);
    expect(peek.statusCode).toBe(404);
  });

  it('needs products:edit to change rows and products:view to read them', async () => {
    const made = await product({ code: 'CP-4', unitPrice1: '10' });
    const customerId = await customer(tenant, 'CPC4');
    const viewer = await createUser(t, tenant, {
      loginId: 'product-viewer',
      permissions: ['products:view'],
    });
    const base = `/api/v1/products/${made.productId}/customer-prices`;
    expect((await api(t, viewer.cookie).get(base)).statusCode).toBe(200);
    expect(
      (await api(t, viewer.cookie).post(base, { customerId, unitPrice: '1' })).statusCode,
    ).toBe(403);
  });
});

describe('単価の決定 (unit price for a document line)', () => {
  it('uses the partner price in force on the date, else 単価1 × 100 %', async () => {
    const made = await product({
      code: 'RP-1',
      priceDecimals: 2,
      unitPrice1: '1000.5',
      unitPrice2: '900',
    });
    const plain = await customer(tenant, 'RPC1');
    const special = await customer(tenant, 'RPC2');
    const base = `/api/v1/products/${made.productId}`;
    const priceFor = async (customerId: string, date?: string) =>
      (
        await admin().get(
          `${base}/unit-price?customerId=${customerId}${date ? `&date=${date}` : ''}`,
        )
      ).json();

    expect(await priceFor(plain)).toEqual({
      source: 'priceClass',
      unitPrice: '1000.50',
      column: 1,
      partnerProductCode: '',
    });

    await admin().post(`${base}/customer-prices`, {
      customerId: special,
      unitPrice: '950',
      partnerProductCode: 'RP-X',
    });
    await admin().post(`${base}/customer-prices`, {
      customerId: special,
      unitPrice: '930.25',
      validFrom: '2027-04-01',
    });
    expect(await priceFor(special, '2027-03-31')).toEqual({
      source: 'partnerPrice',
      unitPrice: '950.00',
      column: null,
      partnerProductCode: 'RP-X',
    });
    expect(await priceFor(special, '2027-04-01')).toMatchObject({
      source: 'partnerPrice',
      unitPrice: '930.25',
    });
    // Another customer is untouched by RPC2's prices.
    expect((await priceFor(plain, '2027-04-01')).unitPrice).toBe('1000.50');
  });

  it('uses the customer’s 単価区分 × 掛け率, rounded by its 単価端数処理', async () => {
    const made = await product({ code: 'RP-3', priceDecimals: 0, unitPrice2: '999' });
    const created = await admin().post('/api/v1/customers', {
      code: 'RPC4',
      name: '掛け率の得意先',
      priceClass: 2,
      ratePercent: '85.5',
      priceRounding: 'up',
    });
    expect(created.statusCode, created.body).toBe(201);
    const answer = await admin().get(
      `/api/v1/products/${made.productId}/unit-price?customerId=${created.json().customerId}`,
    );
    // 999 × 85.5 % = 854.145 → 855 rounded up at 0 decimals.
    expect(answer.json()).toMatchObject({ source: 'priceClass', unitPrice: '855', column: 2 });
  });

  it('says none when the customer’s price column is empty', async () => {
    const made = await product({ code: 'RP-2', unitPrice2: '500' });
    const customerId = await customer(tenant, 'RPC3');
    const answer = await admin().get(
      `/api/v1/products/${made.productId}/unit-price?customerId=${customerId}`,
    );
    expect(answer.json()).toEqual({
      source: 'none',
      unitPrice: null,
      column: null,
      partnerProductCode: '',
    });
  });
});

describe('商品一覧 at scale (ADR 0023)', () => {
  it('counts exactly up to the cap and pages through every match once', async () => {
    const bulk = await createSignedInTenant(t);
    await withTenantTransaction(t.db.pool, bulk.tenantId, (tx) =>
      tx.client.query(
        `INSERT INTO app.products (tenant_id, product_id, code, name, search_name, search_kana, tax_rate_code)
         SELECT $1::uuid, gen_random_uuid(), 'P' || lpad(n::text, 4, '0'), '一括部品' || n, '一括部品' || n, '', '10'
           FROM generate_series(1, 1003) AS n`,
        [bulk.tenantId],
      ),
    );
    const list = (query: string) =>
      api(t, bulk.adminCookie)
        .get(`/api/v1/products?${query}`)
        .then((response) => response.json());
    const first = await list(`q=${encodeURIComponent('一括')}&limit=100`);
    expect(first.total).toEqual({ count: PRODUCT_COUNT_CAP, isCapped: true });
    expect((await list(`q=${encodeURIComponent('一括部品100')}`)).total).toEqual({
      count: 5,
      isCapped: false,
    });
    const seen = new Set<string>(first.items.map((p: { code: string }) => p.code));
    for (let cursor = first.nextCursor; cursor; ) {
      const page = await list(`q=${encodeURIComponent('一括')}&limit=100&cursor=${cursor}`);
      for (const p of page.items) seen.add(p.code);
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(1003);
  });

  it('finds a page by an index-only scan in the list order, never reading the table to search', async () => {
    await t.db.superuser.query('VACUUM (ANALYZE) app.products');
    for (const query of ['', 'q=S-', `q=${encodeURIComponent('ぼーるぺん')}`, 'q=49123456']) {
      for (const extra of ['', '&sort=kana', '&active=all']) {
        const parsed = productListQuerySchema.parse(
          Object.fromEntries(new URLSearchParams(`${query}${extra}`)),
        );
        const plan = await listPlans(t.db.pool, tenant.tenantId, (tx) => findProducts(tx, parsed));
        expect(plan, `${query}${extra}`).toMatch(
          /Index Only Scan using products_(code|kana)_cover_idx/,
        );
        expect(plan, `${query}${extra}`).not.toContain('Disabled: true');
      }
    }
  });
});
