import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit/verify-audit-chain';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** 分類: axes and items per partner type, assignment on the form, bulk, list filters. */
let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

interface Item {
  itemId: string;
  axisId: string;
  code: string;
  name: string;
  version: number;
}
interface Axis {
  axisId: string;
  name: string;
  version: number;
  items: Item[];
}

const CHAIN_OK = { firstBrokenSeq: null };

const axes = async (cookie: string, partnerType = 'customer'): Promise<Axis[]> =>
  (await api(t, cookie).get(`/api/v1/classification-axes?partnerType=${partnerType}`)).json().axes;

async function addItem(cookie: string, axisId: string, code: string, name: string): Promise<Item> {
  const response = await api(t, cookie).post(`/api/v1/classification-axes/${axisId}/items`, {
    code,
    name,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function addCustomer(cookie: string, code: string, extra: Record<string, unknown> = {}) {
  const response = await api(t, cookie).post('/api/v1/customers', {
    code,
    name: `分類テスト${code}`,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { customerId: string; version: number; classifications: unknown[] };
}

const lastAudit = async (who: TestTenant, event: string) =>
  withTenantTransaction(t.db.pool, who.tenantId, async (tx) => {
    const { rows } = await tx.client.query(
      'SELECT target_id, before, after FROM app.audit_log WHERE event = $1 ORDER BY seq',
      [event],
    );
    return rows as { target_id: string; before: unknown; after: unknown }[];
  });

const listCodes = async (cookie: string, query: string) => {
  const response = await api(t, cookie).get(`/api/v1/customers?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((c: { code: string }) => c.code);
};

describe('分類 axes and items', () => {
  it('gives every new organisation 地域 / 業種 / ランク for customers and suppliers', async () => {
    for (const type of ['customer', 'supplier']) {
      const found = await axes(tenant.adminCookie, type);
      expect(found.map((a) => a.name)).toEqual(['地域', '業種', 'ランク']);
      expect(found.every((a) => a.items.length === 0)).toBe(true);
    }
  });

  it('adds, renames, reorders and limits axes to five per partner type, audited', async () => {
    const admin = api(t, tenant.adminCookie);
    const made = await admin.post('/api/v1/classification-axes', {
      partnerType: 'customer',
      name: '規模',
    });
    expect(made.statusCode, made.body).toBe(201);
    const duplicate = await admin.post('/api/v1/classification-axes', {
      partnerType: 'customer',
      name: '規模',
    });
    expect(duplicate.json()).toMatchObject({ code: 'classification_name_taken' });
    // The same name is free for suppliers: each partner type has its own axes.
    const supplierAxis = await admin.post('/api/v1/classification-axes', {
      partnerType: 'supplier',
      name: '規模',
    });
    expect(supplierAxis.statusCode).toBe(201);
    expect(
      (await admin.post('/api/v1/classification-axes', { partnerType: 'customer', name: '予備' }))
        .statusCode,
    ).toBe(201);
    const sixth = await admin.post('/api/v1/classification-axes', {
      partnerType: 'customer',
      name: '六番目',
    });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().code).toBe('classification_axis_limit');

    const axisId = made.json().axisId;
    const renamed = await admin.put(`/api/v1/classification-axes/${axisId}`, {
      name: '企業規模',
      version: 1,
    });
    expect(renamed.json()).toMatchObject({ name: '企業規模', version: 2 });
    const stale = await admin.put(`/api/v1/classification-axes/${axisId}`, {
      name: '古い',
      version: 1,
    });
    expect(stale.json().code).toBe('version_conflict');
    const [audit] = (await lastAudit(tenant, 'classification_axis.updated')).slice(-1);
    expect(audit).toMatchObject({ before: { name: '規模' }, after: { name: '企業規模' } });

    const current = await axes(tenant.adminCookie);
    const reversed = [...current].reverse().map((a) => ({ axisId: a.axisId, version: a.version }));
    const reordered = await admin.put('/api/v1/classification-axes/order', {
      partnerType: 'customer',
      axes: reversed,
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect((await axes(tenant.adminCookie)).map((a) => a.name)).toEqual(
      [...current].reverse().map((a) => a.name),
    );
    // The versions sent are now old: a second reorder from the same screen is refused.
    const again = await admin.put('/api/v1/classification-axes/order', {
      partnerType: 'customer',
      axes: reversed,
    });
    expect(again.json().code).toBe('classification_order_stale');

    // Unused axes delete without a choice.
    for (const axis of (await axes(tenant.adminCookie)).filter((a) =>
      ['企業規模', '予備'].includes(a.name),
    )) {
      const removed = await admin.send(
        'DELETE',
        `/api/v1/classification-axes/${axis.axisId}?version=${axis.version}`,
      );
      expect(removed.statusCode).toBe(204);
    }
    // Back to the starting axes, in the original order.
    const restored = await axes(tenant.adminCookie);
    await admin.put('/api/v1/classification-axes/order', {
      partnerType: 'customer',
      axes: [...restored].reverse().map((a) => ({ axisId: a.axisId, version: a.version })),
    });
  });

  it('adds items in order, refuses a duplicate code and reorders them', async () => {
    const [region] = await axes(tenant.adminCookie);
    const east = await addItem(tenant.adminCookie, region!.axisId, 'E', '関東');
    const west = await addItem(tenant.adminCookie, region!.axisId, 'W', '関西');
    await addItem(tenant.adminCookie, region!.axisId, 'N', '北海道');
    const duplicate = await api(t, tenant.adminCookie).post(
      `/api/v1/classification-axes/${region!.axisId}/items`,
      { code: 'E', name: '東日本' },
    );
    expect(duplicate.json()).toMatchObject({
      code: 'classification_item_code_taken',
      errors: [{ path: 'code' }],
    });
    let items = (await axes(tenant.adminCookie))[0]!.items;
    expect(items.map((i) => i.name)).toEqual(['関東', '関西', '北海道']);
    const order = [items[2]!, items[0]!, items[1]!].map((i) => ({
      itemId: i.itemId,
      version: i.version,
    }));
    const moved = await api(t, tenant.adminCookie).put(
      `/api/v1/classification-axes/${region!.axisId}/items/order`,
      { items: order },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    items = (await axes(tenant.adminCookie))[0]!.items;
    expect(items.map((i) => i.name)).toEqual(['北海道', '関東', '関西']);
    const edited = await api(t, tenant.adminCookie).put(
      `/api/v1/classification-items/${west.itemId}`,
      {
        code: 'W',
        name: '近畿',
        version: items[2]!.version,
      },
    );
    expect(edited.json()).toMatchObject({ name: '近畿' });
    expect(east.axisId).toBe(region!.axisId);
  });

  it('lets only 組織管理者 change them, while staff read them', async () => {
    const clerk = await createUser(t, tenant, {
      loginId: 'clerk',
      permissions: ['customers:view', 'customers:edit', 'settings:edit'],
    });
    expect((await axes(clerk.cookie)).length).toBe(3);
    const write = await api(t, clerk.cookie).post('/api/v1/classification-axes', {
      partnerType: 'customer',
      name: '勝手',
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('assignment on the customer form', () => {
  it('stores one item per axis, returns it, and audits the change', async () => {
    const [region, industry] = await axes(tenant.adminCookie);
    const retail = await addItem(tenant.adminCookie, industry!.axisId, 'R', '小売');
    const kanto = region!.items.find((i) => i.code === 'E')!;
    const made = await addCustomer(tenant.adminCookie, 'F1', {
      classifications: [{ axisId: region!.axisId, itemId: kanto.itemId }],
    });
    expect(made.classifications).toEqual([{ axisId: region!.axisId, itemId: kanto.itemId }]);
    const updated = await api(t, tenant.adminCookie).put(`/api/v1/customers/${made.customerId}`, {
      code: 'F1',
      name: '分類テストF1',
      version: made.version,
      classifications: [
        { axisId: industry!.axisId, itemId: retail.itemId },
        { axisId: region!.axisId, itemId: kanto.itemId },
      ],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    // In the order of the axes, whatever the order sent.
    expect(updated.json().classifications).toEqual([
      { axisId: region!.axisId, itemId: kanto.itemId },
      { axisId: industry!.axisId, itemId: retail.itemId },
    ]);
    const fetched = await api(t, tenant.adminCookie).get(`/api/v1/customers/${made.customerId}`);
    expect(fetched.json().classifications).toHaveLength(2);
    const [audit] = (await lastAudit(tenant, 'customer.updated')).slice(-1);
    expect(audit).toMatchObject({
      before: { classifications: [{ itemId: kanto.itemId }] },
      after: { classifications: [{ itemId: kanto.itemId }, { itemId: retail.itemId }] },
    });
  });

  it('refuses an item of another axis, of a supplier axis or of another tenant as not found', async () => {
    const [region, industry] = await axes(tenant.adminCookie);
    const kanto = region!.items.find((i) => i.code === 'E')!;
    const [supplierRegion] = await axes(tenant.adminCookie, 'supplier');
    const supplierItem = await addItem(tenant.adminCookie, supplierRegion!.axisId, 'S', '仕入関東');
    const other = await createSignedInTenant(t);
    const [otherRegion] = await axes(other.adminCookie);
    const foreign = await addItem(other.adminCookie, otherRegion!.axisId, 'E', '他社関東');
    const attempts = [
      { axisId: industry!.axisId, itemId: kanto.itemId },
      { axisId: supplierRegion!.axisId, itemId: supplierItem.itemId },
      { axisId: otherRegion!.axisId, itemId: foreign.itemId },
      { axisId: region!.axisId, itemId: foreign.itemId },
    ];
    for (const [index, attempt] of attempts.entries()) {
      const response = await api(t, tenant.adminCookie).post('/api/v1/customers', {
        code: `X${index}`,
        name: '不正分類',
        classifications: [attempt],
      });
      expect(response.statusCode, JSON.stringify(attempt)).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'classification_not_found',
        errors: [{ path: 'classifications.0.itemId' }],
      });
    }
    const twice = await api(t, tenant.adminCookie).post('/api/v1/customers', {
      code: 'X9',
      name: '二重',
      classifications: [
        { axisId: region!.axisId, itemId: kanto.itemId },
        { axisId: region!.axisId, itemId: kanto.itemId },
      ],
    });
    expect(twice.json().code).toBe('validation_failed');
    expect(await listCodes(tenant.adminCookie, 'q=X')).toEqual([]);
  });
});

describe('bulk assignment and list filters', () => {
  it('assigns the checked customers in one go, one audit row per changed customer', async () => {
    const [region] = await axes(tenant.adminCookie);
    const kansai = region!.items.find((i) => i.code === 'W')!;
    const a = await addCustomer(tenant.adminCookie, 'B1');
    const b = await addCustomer(tenant.adminCookie, 'B2');
    const c = await addCustomer(tenant.adminCookie, 'B3');
    const audits = (await lastAudit(tenant, 'customer.classification_changed')).length;
    const response = await api(t, tenant.adminCookie).post(
      '/api/v1/customers/bulk-classification',
      {
        axisId: region!.axisId,
        itemId: kansai.itemId,
        target: { kind: 'selected', partnerIds: [a.customerId, b.customerId] },
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ matched: 2, changed: 2 });
    const rows = (await lastAudit(tenant, 'customer.classification_changed')).slice(audits);
    expect(rows.map((r) => r.target_id).sort()).toEqual([a.customerId, b.customerId].sort());
    expect(rows[0]).toMatchObject({
      before: { axisId: region!.axisId, itemId: null },
      after: { axisId: region!.axisId, itemId: kansai.itemId },
    });
    // A form opened before the bulk change now conflicts instead of writing the old value back.
    const staleForm = await api(t, tenant.adminCookie).put(`/api/v1/customers/${a.customerId}`, {
      code: 'B1',
      name: '分類テストB1',
      version: a.version,
    });
    expect(staleForm.json().code).toBe('version_conflict');

    expect(await listCodes(tenant.adminCookie, `classifications=${kansai.itemId}`)).toEqual([
      'B1',
      'B2',
    ]);
    // Applying the same again changes nothing and writes nothing.
    const repeat = await api(t, tenant.adminCookie).post('/api/v1/customers/bulk-classification', {
      axisId: region!.axisId,
      itemId: kansai.itemId,
      target: { kind: 'selected', partnerIds: [a.customerId, b.customerId, c.customerId] },
    });
    expect(repeat.json()).toEqual({ matched: 3, changed: 1 });
    expect(await withTenantTransaction(t.db.pool, tenant.tenantId, verifyAuditChain)).toMatchObject(
      CHAIN_OK,
    );
  });

  it('assigns every customer a search matches, and filters with AND across axes', async () => {
    const [region, industry] = await axes(tenant.adminCookie);
    const hokkaido = region!.items.find((i) => i.code === 'N')!;
    const retail = industry!.items.find((i) => i.code === 'R')!;
    await addCustomer(tenant.adminCookie, 'S1');
    await addCustomer(tenant.adminCookie, 'S2');
    const all = await api(t, tenant.adminCookie).post('/api/v1/customers/bulk-classification', {
      axisId: region!.axisId,
      itemId: hokkaido.itemId,
      target: { kind: 'search', search: { q: 'S' } },
    });
    expect(all.json()).toEqual({ matched: 2, changed: 2 });
    const s1 = (await api(t, tenant.adminCookie).get('/api/v1/customers?q=S1')).json().items[0];
    await api(t, tenant.adminCookie).post('/api/v1/customers/bulk-classification', {
      axisId: industry!.axisId,
      itemId: retail.itemId,
      target: { kind: 'selected', partnerIds: [s1.customerId] },
    });
    expect(await listCodes(tenant.adminCookie, `classifications=${hokkaido.itemId}`)).toEqual([
      'S1',
      'S2',
    ]);
    expect(
      await listCodes(tenant.adminCookie, `classifications=${hokkaido.itemId},${retail.itemId}`),
    ).toEqual(['S1']);
    // Combined with the text search, and counted with the same filter.
    const counted = await api(t, tenant.adminCookie).get(
      `/api/v1/customers?q=S2&classifications=${hokkaido.itemId}`,
    );
    expect(counted.json()).toMatchObject({ total: { count: 1 }, items: [{ code: 'S2' }] });
    // Clearing through the same filter.
    const cleared = await api(t, tenant.adminCookie).post('/api/v1/customers/bulk-classification', {
      axisId: region!.axisId,
      itemId: null,
      target: { kind: 'search', search: { classifications: hokkaido.itemId } },
    });
    expect(cleared.json()).toEqual({ matched: 2, changed: 2 });
    expect(await listCodes(tenant.adminCookie, `classifications=${hokkaido.itemId}`)).toEqual([]);
    const bad = await api(t, tenant.adminCookie).get('/api/v1/customers?classifications=nope');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses another tenant’s customers or items, and needs customers:edit', async () => {
    const [region] = await axes(tenant.adminCookie);
    const kanto = region!.items.find((i) => i.code === 'E')!;
    const other = await createSignedInTenant(t);
    const theirs = await addCustomer(other.adminCookie, 'T1');
    const foreignCustomer = await api(t, tenant.adminCookie).post(
      '/api/v1/customers/bulk-classification',
      {
        axisId: region!.axisId,
        itemId: kanto.itemId,
        target: { kind: 'selected', partnerIds: [theirs.customerId] },
      },
    );
    expect(foreignCustomer.statusCode).toBe(404);
    const [theirRegion] = await axes(other.adminCookie);
    const mine = await addCustomer(tenant.adminCookie, 'T2');
    const foreignAxis = await api(t, tenant.adminCookie).post(
      '/api/v1/customers/bulk-classification',
      {
        axisId: theirRegion!.axisId,
        itemId: null,
        target: { kind: 'selected', partnerIds: [mine.customerId] },
      },
    );
    expect(foreignAxis.statusCode).toBe(404);
    const viewer = await createUser(t, tenant, {
      loginId: 'viewer',
      permissions: ['customers:view'],
    });
    const denied = await api(t, viewer.cookie).post('/api/v1/customers/bulk-classification', {
      axisId: region!.axisId,
      itemId: kanto.itemId,
      target: { kind: 'selected', partnerIds: [mine.customerId] },
    });
    expect(denied.statusCode).toBe(403);
  });
});

describe('deleting what partners use', () => {
  it('refuses without a choice, with the count, then moves or clears as asked', async () => {
    const admin = api(t, tenant.adminCookie);
    const [, , rank] = await axes(tenant.adminCookie);
    const gold = await addItem(tenant.adminCookie, rank!.axisId, 'A', 'Aランク');
    const silver = await addItem(tenant.adminCookie, rank!.axisId, 'B', 'Bランク');
    const bronze = await addItem(tenant.adminCookie, rank!.axisId, 'C', 'Cランク');
    const ids = [];
    for (const code of ['D1', 'D2', 'D3'])
      ids.push((await addCustomer(tenant.adminCookie, code)).customerId);
    await admin.post('/api/v1/customers/bulk-classification', {
      axisId: rank!.axisId,
      itemId: gold.itemId,
      target: { kind: 'selected', partnerIds: ids.slice(0, 2) },
    });
    await admin.post('/api/v1/customers/bulk-classification', {
      axisId: rank!.axisId,
      itemId: silver.itemId,
      target: { kind: 'selected', partnerIds: ids.slice(2) },
    });

    const refused = await admin.send(
      'DELETE',
      `/api/v1/classification-items/${gold.itemId}?version=1`,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'classification_in_use', usageCount: 2 });
    const noTarget = await admin.send(
      'DELETE',
      `/api/v1/classification-items/${gold.itemId}?version=1&resolution=move`,
    );
    expect(noTarget.statusCode).toBe(400);
    const toItself = await admin.send(
      'DELETE',
      `/api/v1/classification-items/${gold.itemId}?version=1&resolution=move&targetItemId=${gold.itemId}`,
    );
    expect(toItself.json().code).toBe('classification_not_found');

    const moved = await admin.send(
      'DELETE',
      `/api/v1/classification-items/${gold.itemId}?version=1&resolution=move&targetItemId=${bronze.itemId}`,
    );
    expect(moved.statusCode, moved.body).toBe(204);
    expect(await listCodes(tenant.adminCookie, `classifications=${bronze.itemId}`)).toEqual([
      'D1',
      'D2',
    ]);
    const [deletion] = (await lastAudit(tenant, 'classification_item.deleted')).slice(-1);
    expect(deletion).toMatchObject({
      before: { code: 'A' },
      after: { partners: 2, resolution: 'move', targetItemId: bronze.itemId },
    });

    const cleared = await admin.send(
      'DELETE',
      `/api/v1/classification-items/${silver.itemId}?version=1&resolution=clear`,
    );
    expect(cleared.statusCode).toBe(204);
    const d3 = await admin.get(`/api/v1/customers/${ids[2]}`);
    expect(d3.json().classifications).toEqual([]);

    // An axis in use: refused with the count, then deleted with its items when cleared.
    const axis = (await axes(tenant.adminCookie))[2]!;
    const axisRefused = await admin.send(
      'DELETE',
      `/api/v1/classification-axes/${axis.axisId}?version=${axis.version}`,
    );
    expect(axisRefused.json()).toMatchObject({ code: 'classification_in_use', usageCount: 2 });
    const axisCleared = await admin.send(
      'DELETE',
      `/api/v1/classification-axes/${axis.axisId}?version=${axis.version}&resolution=clear`,
    );
    expect(axisCleared.statusCode, axisCleared.body).toBe(204);
    expect((await axes(tenant.adminCookie)).map((a) => a.name)).toEqual(['地域', '業種']);
    const d1 = await admin.get(`/api/v1/customers/${ids[0]}`);
    expect(d1.json().classifications).toEqual([]);
    expect(await withTenantTransaction(t.db.pool, tenant.tenantId, verifyAuditChain)).toMatchObject(
      CHAIN_OK,
    );
  });
});

describe('仕入先 分類', () => {
  async function addSupplier(cookie: string, code: string, extra: Record<string, unknown> = {}) {
    const response = await api(t, cookie).post('/api/v1/suppliers', {
      code,
      name: `仕入分類${code}`,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { supplierId: string; version: number; classifications: unknown[] };
  }
  const supplierCodes = async (cookie: string, query: string) => {
    const response = await api(t, cookie).get(`/api/v1/suppliers?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((s: { code: string }) => s.code);
  };

  it('assigns on the form, filters the list, bulk-assigns with suppliers:edit and deletes with the supplier', async () => {
    const org = await createSignedInTenant(t);
    const [region, industry] = await axes(org.adminCookie, 'supplier');
    const north = await addItem(org.adminCookie, region!.axisId, 'N', '北日本');
    const south = await addItem(org.adminCookie, region!.axisId, 'S', '南日本');
    const maker = await addItem(org.adminCookie, industry!.axisId, 'M', 'メーカー');
    const [customerRegion] = await axes(org.adminCookie, 'customer');
    const customerItem = await addItem(org.adminCookie, customerRegion!.axisId, 'C', '得意先用');

    const s1 = await addSupplier(org.adminCookie, 'S1', {
      classifications: [{ axisId: region!.axisId, itemId: north.itemId }],
    });
    expect(s1.classifications).toEqual([{ axisId: region!.axisId, itemId: north.itemId }]);
    const s2 = await addSupplier(org.adminCookie, 'S2');
    await addSupplier(org.adminCookie, 'S3');
    const fetched = await api(t, org.adminCookie).get(`/api/v1/suppliers/${s1.supplierId}`);
    expect(fetched.json().classifications).toEqual([
      { axisId: region!.axisId, itemId: north.itemId },
    ]);

    // A customer axis's item is not one of the supplier's: refused like an unknown one.
    const wrongType = await api(t, org.adminCookie).post('/api/v1/suppliers', {
      code: 'SX',
      name: '誤分類',
      classifications: [{ axisId: customerRegion!.axisId, itemId: customerItem.itemId }],
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({
      code: 'classification_not_found',
      errors: [{ path: 'classifications.0.itemId' }],
    });

    expect(await supplierCodes(org.adminCookie, `classifications=${north.itemId}`)).toEqual(['S1']);

    // Customer rights do not reach suppliers; suppliers:edit does.
    const customerEditor = await createUser(t, org, {
      loginId: 'cust-editor',
      permissions: ['customers:view', 'customers:edit', 'suppliers:view'],
    });
    const bulk = {
      axisId: industry!.axisId,
      itemId: maker.itemId,
      target: { kind: 'search', search: { q: 'S' } },
    };
    const denied = await api(t, customerEditor.cookie).post(
      '/api/v1/suppliers/bulk-classification',
      bulk,
    );
    expect(denied.statusCode).toBe(403);
    const supplierEditor = await createUser(t, org, {
      loginId: 'sup-editor',
      permissions: ['suppliers:view', 'suppliers:edit'],
    });
    const applied = await api(t, supplierEditor.cookie).post(
      '/api/v1/suppliers/bulk-classification',
      bulk,
    );
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({ matched: 3, changed: 3 });
    const audits = await lastAudit(org, 'supplier.classification_changed');
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({
      before: { axisId: industry!.axisId, itemId: null },
      after: { axisId: industry!.axisId, itemId: maker.itemId },
    });
    // The form opened before the bulk change is now stale.
    const stale = await api(t, org.adminCookie).put(`/api/v1/suppliers/${s2.supplierId}`, {
      code: 'S2',
      name: '仕入分類S2',
      version: s2.version,
    });
    expect(stale.statusCode).toBe(409);

    // AND across axes; the selected-rows form of bulk moves S2 to 南日本.
    const moved = await api(t, org.adminCookie).post('/api/v1/suppliers/bulk-classification', {
      axisId: region!.axisId,
      itemId: south.itemId,
      target: { kind: 'selected', partnerIds: [s2.supplierId] },
    });
    expect(moved.json()).toEqual({ matched: 1, changed: 1 });
    expect(
      await supplierCodes(org.adminCookie, `classifications=${south.itemId},${maker.itemId}`),
    ).toEqual(['S2']);

    // An item in use by suppliers is counted like one used by customers.
    const inUse = await api(t, org.adminCookie).send(
      'DELETE',
      `/api/v1/classification-items/${north.itemId}?version=${north.version}`,
    );
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'classification_in_use', usageCount: 1 });

    // A supplier's 分類 belong to it: deleting the supplier takes them along.
    const current = (
      await api(t, org.adminCookie).get(`/api/v1/suppliers/${s1.supplierId}`)
    ).json();
    const removed = await api(t, org.adminCookie).send(
      'DELETE',
      `/api/v1/suppliers/${s1.supplierId}?version=${current.version}`,
    );
    expect(removed.statusCode, removed.body).toBe(204);
    const freed = await api(t, org.adminCookie).send(
      'DELETE',
      `/api/v1/classification-items/${north.itemId}?version=${north.version}`,
    );
    expect(freed.statusCode, freed.body).toBe(204);
    expect(
      await withTenantTransaction(t.db.pool, org.tenantId, (tx) => verifyAuditChain(tx)),
    ).toMatchObject(CHAIN_OK);
  });
});
