import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../support/app';
import { makePng } from '../support/images';
import { sampleBankAccount } from '../support/route-samples';

/**
 * Issue 4 item 8 across every master: each create, update and delete writes exactly one audit
 * row with its event and the record's id; an update records only the fields that changed
 * (before → after); deleting a master something else uses is refused with 409, a Japanese
 * message pointing at 「使用しない」 (or the master's own equivalent), and no audit row.
 */
let t: TestApp;
let tenant: TestTenant;
let admin: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
  admin = api(t, tenant.adminCookie);
});
afterAll(() => t.close());

interface AuditRow {
  event: string;
  target_type: string | null;
  target_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

async function lastSeq(): Promise<number> {
  return withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query(
      'SELECT coalesce(max(seq), 0)::bigint AS seq FROM app.audit_log',
    );
    return Number(rows[0].seq);
  });
}

async function auditSince(seq: number): Promise<AuditRow[]> {
  return withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query(
      `SELECT event, target_type, target_id, before, after
         FROM app.audit_log WHERE seq > $1 ORDER BY seq`,
      [seq],
    );
    return rows as AuditRow[];
  });
}

type Method = 'POST' | 'PUT' | 'DELETE';

/** Sends one write and returns its body and the audit rows it wrote. */
async function write(method: Method, url: string, body: unknown, status: number) {
  const seq = await lastSeq();
  const response = await admin.send(method, url, method === 'DELETE' ? undefined : body);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
  const rows = await auditSince(seq);
  // biome-ignore lint/suspicious/noExplicitAny: response bodies differ per master
  const json: any = response.body ? response.json() : undefined;
  return { json, rows };
}

/** The one row a write must leave, with exactly the changed fields on an update. */
function expectOneRow(rows: AuditRow[], expected: Partial<AuditRow>) {
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject(expected);
}

function expectUpdateDiff(
  rows: AuditRow[],
  event: string,
  targetId: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  expect(rows).toHaveLength(1);
  expect(rows[0]!.event).toBe(event);
  expect(rows[0]!.target_id).toBe(targetId);
  expect(rows[0]!.before).toEqual(before);
  expect(rows[0]!.after).toEqual(after);
}

/** A refused delete: 409 with the master's code and a Japanese title telling what to do. */
async function expectInUse(url: string, code: string, advice: string) {
  const seq = await lastSeq();
  const response = await admin.send('DELETE', url);
  expect(response.statusCode, response.body).toBe(409);
  expect(response.json()).toMatchObject({ code });
  expect(response.json().title).toContain(advice);
  expect(await auditSince(seq)).toEqual([]);
}

describe('master audit trail', () => {
  it('得意先: created, one changed field, deleted', async () => {
    const created = await write(
      'POST',
      '/api/v1/customers',
      { code: 'AC1', name: '監査商事', phone: '03-1111-1111' },
      201,
    );
    const id = created.json.customerId;
    expectOneRow(created.rows, {
      event: 'customer.created',
      target_type: 'customer',
      target_id: id,
      after: expect.objectContaining({ code: 'AC1', name: '監査商事', phone: '03-1111-1111' }),
    });
    const updated = await write(
      'PUT',
      `/api/v1/customers/${id}`,
      { code: 'AC1', name: '監査商事', phone: '03-2222-2222', version: 1 },
      200,
    );
    expectUpdateDiff(
      updated.rows,
      'customer.updated',
      id,
      { phone: '03-1111-1111' },
      { phone: '03-2222-2222' },
    );
    const deleted = await write('DELETE', `/api/v1/customers/${id}?version=2`, undefined, 204);
    expectOneRow(deleted.rows, {
      event: 'customer.deleted',
      target_id: id,
      before: expect.objectContaining({ code: 'AC1', phone: '03-2222-2222' }),
    });
  });

  it('仕入先: created, one changed field, deleted', async () => {
    const created = await write(
      'POST',
      '/api/v1/suppliers',
      { code: 'AS1', name: '監査製作所', registrationNumber: 'T8000012010038' },
      201,
    );
    const id = created.json.supplierId;
    expectOneRow(created.rows, {
      event: 'supplier.created',
      target_id: id,
      after: expect.objectContaining({ registrationNumber: 'T8000012010038' }),
    });
    const updated = await write(
      'PUT',
      `/api/v1/suppliers/${id}`,
      { code: 'AS1', name: '監査製作所', registrationNumber: 'T7123456789012', version: 1 },
      200,
    );
    expectUpdateDiff(
      updated.rows,
      'supplier.updated',
      id,
      { registrationNumber: 'T8000012010038' },
      { registrationNumber: 'T7123456789012' },
    );
    const deleted = await write('DELETE', `/api/v1/suppliers/${id}?version=2`, undefined, 204);
    expectOneRow(deleted.rows, { event: 'supplier.deleted', target_id: id });
    expect(deleted.rows[0]!.before).toMatchObject({ registrationNumber: 'T7123456789012' });
  });

  it('商品 and 得意先別単価: created, one changed field, deleted', async () => {
    const product = await write(
      'POST',
      '/api/v1/products',
      { code: 'AG1', name: '監査ペン', unitPrice1: '100' },
      201,
    );
    const productId = product.json.productId;
    expectOneRow(product.rows, {
      event: 'product.created',
      target_id: productId,
      after: expect.objectContaining({ code: 'AG1', unitPrice1: '100' }),
    });
    const customer = await write('POST', '/api/v1/customers', { code: 'AC2', name: '単価先' }, 201);
    const customerId = customer.json.customerId;

    const price = await write(
      'POST',
      `/api/v1/products/${productId}/customer-prices`,
      { customerId, unitPrice: '90' },
      201,
    );
    const priceId = price.json.priceId;
    expectOneRow(price.rows, {
      event: 'customer_price.created',
      target_id: priceId,
      after: expect.objectContaining({ productCode: 'AG1', customerCode: 'AC2', unitPrice: '90' }),
    });
    const repriced = await write(
      'PUT',
      `/api/v1/products/${productId}/customer-prices/${priceId}`,
      { customerId, unitPrice: '85', version: 1 },
      200,
    );
    expectUpdateDiff(
      repriced.rows,
      'customer_price.updated',
      priceId,
      { unitPrice: '90' },
      { unitPrice: '85' },
    );

    await expectInUse(
      `/api/v1/products/${productId}?version=1`,
      'product_in_use',
      '「使用しない」',
    );
    await expectInUse(
      `/api/v1/customers/${customerId}?version=1`,
      'customer_in_use',
      '「使用しない」',
    );

    const unpriced = await write(
      'DELETE',
      `/api/v1/products/${productId}/customer-prices/${priceId}?version=2`,
      undefined,
      204,
    );
    expectOneRow(unpriced.rows, {
      event: 'customer_price.deleted',
      target_id: priceId,
      before: expect.objectContaining({ productCode: 'AG1', unitPrice: '85' }),
    });

    const renamed = await write(
      'PUT',
      `/api/v1/products/${productId}`,
      { code: 'AG1', name: '監査ボールペン', unitPrice1: '100', version: 1 },
      200,
    );
    expectUpdateDiff(
      renamed.rows,
      'product.updated',
      productId,
      { name: '監査ペン' },
      { name: '監査ボールペン' },
    );
    const deleted = await write(
      'DELETE',
      `/api/v1/products/${productId}?version=2`,
      undefined,
      204,
    );
    expectOneRow(deleted.rows, {
      event: 'product.deleted',
      target_id: productId,
      before: expect.objectContaining({ code: 'AG1', name: '監査ボールペン' }),
    });
  });

  it('分類 axes and items: created, renamed, deleted', async () => {
    const axis = await write(
      'POST',
      '/api/v1/classification-axes',
      { partnerType: 'customer', name: '監査軸' },
      201,
    );
    const axisId = axis.json.axisId;
    expectOneRow(axis.rows, {
      event: 'classification_axis.created',
      target_id: axisId,
      after: expect.objectContaining({ partnerType: 'customer', name: '監査軸' }),
    });
    const renamedAxis = await write(
      'PUT',
      `/api/v1/classification-axes/${axisId}`,
      { name: '監査分類', version: 1 },
      200,
    );
    expectUpdateDiff(
      renamedAxis.rows,
      'classification_axis.updated',
      axisId,
      { name: '監査軸' },
      { name: '監査分類' },
    );

    const item = await write(
      'POST',
      `/api/v1/classification-axes/${axisId}/items`,
      { code: 'AI1', name: '北' },
      201,
    );
    const itemId = item.json.itemId;
    expectOneRow(item.rows, {
      event: 'classification_item.created',
      target_id: itemId,
      after: expect.objectContaining({ axisId, code: 'AI1', name: '北' }),
    });
    const renamedItem = await write(
      'PUT',
      `/api/v1/classification-items/${itemId}`,
      { code: 'AI1', name: '北日本', version: 1 },
      200,
    );
    expectUpdateDiff(
      renamedItem.rows,
      'classification_item.updated',
      itemId,
      { name: '北' },
      { name: '北日本' },
    );

    // In use: deleting asks what to do with the partners (issue 4 item 2), not 「使用しない」.
    const user = await write(
      'POST',
      '/api/v1/customers',
      { code: 'AC3', name: '分類先', classifications: [{ axisId, itemId }] },
      201,
    );
    const refused = await admin.send('DELETE', `/api/v1/classification-items/${itemId}?version=2`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'classification_in_use', usageCount: 1 });
    await write('DELETE', `/api/v1/customers/${user.json.customerId}?version=1`, undefined, 204);

    const deletedItem = await write(
      'DELETE',
      `/api/v1/classification-items/${itemId}?version=2`,
      undefined,
      204,
    );
    expect(deletedItem.rows.at(-1)).toMatchObject({
      event: 'classification_item.deleted',
      target_id: itemId,
      before: expect.objectContaining({ code: 'AI1', name: '北日本' }),
    });
    const deletedAxis = await write(
      'DELETE',
      `/api/v1/classification-axes/${axisId}?version=2`,
      undefined,
      204,
    );
    expectOneRow(deletedAxis.rows, {
      event: 'classification_axis.deleted',
      target_id: axisId,
      before: expect.objectContaining({ name: '監査分類' }),
    });
  });

  it('部門: created, one changed field, refused while a customer uses it, deleted', async () => {
    const created = await write(
      'POST',
      '/api/v1/departments',
      { code: 'AD1', name: '営業部' },
      201,
    );
    const id = created.json.departmentId;
    expectOneRow(created.rows, {
      event: 'department.created',
      target_id: id,
      after: expect.objectContaining({ code: 'AD1', name: '営業部' }),
    });
    const updated = await write(
      'PUT',
      `/api/v1/departments/${id}`,
      { code: 'AD1', name: '営業部', phone: '06-1234-5678', version: 1 },
      200,
    );
    expectUpdateDiff(
      updated.rows,
      'department.updated',
      id,
      { phone: '' },
      { phone: '06-1234-5678' },
    );

    const customer = await write(
      'POST',
      '/api/v1/customers',
      { code: 'AC4', name: '部門先', departmentId: id },
      201,
    );
    await expectInUse(`/api/v1/departments/${id}?version=2`, 'department_in_use', '「使用しない」');
    await write(
      'DELETE',
      `/api/v1/customers/${customer.json.customerId}?version=1`,
      undefined,
      204,
    );

    const deleted = await write('DELETE', `/api/v1/departments/${id}?version=2`, undefined, 204);
    expectOneRow(deleted.rows, {
      event: 'department.deleted',
      target_id: id,
      before: expect.objectContaining({ code: 'AD1', phone: '06-1234-5678' }),
    });
  });

  it('物件: created, one changed field, deleted; its customer cannot be deleted meanwhile', async () => {
    const customer = await write('POST', '/api/v1/customers', { code: 'AC5', name: '施主' }, 201);
    const customerId = customer.json.customerId;
    const created = await write(
      'POST',
      '/api/v1/projects',
      { code: 'AP1', name: '本社改装', customerId },
      201,
    );
    const id = created.json.projectId;
    expectOneRow(created.rows, {
      event: 'project.created',
      target_id: id,
      after: expect.objectContaining({ code: 'AP1', customerId }),
    });
    await expectInUse(
      `/api/v1/customers/${customerId}?version=1`,
      'customer_in_use',
      '「使用しない」',
    );
    const updated = await write(
      'PUT',
      `/api/v1/projects/${id}`,
      { code: 'AP1', name: '本社改装工事', customerId, version: 1 },
      200,
    );
    expectUpdateDiff(
      updated.rows,
      'project.updated',
      id,
      { name: '本社改装' },
      { name: '本社改装工事' },
    );
    const deleted = await write('DELETE', `/api/v1/projects/${id}?version=2`, undefined, 204);
    expectOneRow(deleted.rows, {
      event: 'project.deleted',
      target_id: id,
      before: expect.objectContaining({ name: '本社改装工事' }),
    });
  });

  it('単位: created, one changed field, deleted', async () => {
    const created = await write('POST', '/api/v1/units', { name: '監査箱', sortOrder: 700 }, 201);
    const id = created.json.unitId;
    expectOneRow(created.rows, {
      event: 'unit.created',
      target_id: id,
      after: expect.objectContaining({ name: '監査箱' }),
    });
    const updated = await write(
      'PUT',
      `/api/v1/units/${id}`,
      { name: '監査箱', sortOrder: 710, version: 1 },
      200,
    );
    expectUpdateDiff(updated.rows, 'unit.updated', id, { sortOrder: 700 }, { sortOrder: 710 });
    const deleted = await write('DELETE', `/api/v1/units/${id}?version=2`, undefined, 204);
    expectOneRow(deleted.rows, {
      event: 'unit.deleted',
      target_id: id,
      before: expect.objectContaining({ name: '監査箱' }),
    });
  });

  it('税率: created, one changed field, refused while a product uses it, deleted', async () => {
    const rate = {
      code: 'A5',
      printedName: '旧5%',
      ratePercent: '5',
      category: 'standard',
      validFrom: '1997-04-01',
      validTo: '2014-03-31',
      sortOrder: 700,
      isHidden: false,
    };
    const created = await write('POST', '/api/v1/tax-rates', rate, 201);
    expectOneRow(created.rows, {
      event: 'tax_rate.created',
      target_id: 'A5',
      after: expect.objectContaining({ ratePercent: '5', validFrom: '1997-04-01' }),
    });
    const { code: _, ...own } = rate;
    const updated = await write(
      'PUT',
      '/api/v1/tax-rates/A5',
      { ...own, printedName: '5%（旧）', version: 1 },
      200,
    );
    expectUpdateDiff(
      updated.rows,
      'tax_rate.updated',
      'A5',
      { printedName: '旧5%' },
      { printedName: '5%（旧）' },
    );

    const product = await write(
      'POST',
      '/api/v1/products',
      { code: 'AG2', name: '旧税率品', taxRateCode: 'A5' },
      201,
    );
    // A tax rate has no 使用しない; its equivalent is hiding it from document lines.
    await expectInUse('/api/v1/tax-rates/A5?version=2', 'tax_rate_in_use', '表示しない');
    await write('DELETE', `/api/v1/products/${product.json.productId}?version=1`, undefined, 204);

    const deleted = await write('DELETE', '/api/v1/tax-rates/A5?version=2', undefined, 204);
    expectOneRow(deleted.rows, {
      event: 'tax_rate.deleted',
      target_id: 'A5',
      before: expect.objectContaining({ printedName: '5%（旧）' }),
    });
  });

  it('自社情報 and its images: first save, one changed field', async () => {
    const first = await write(
      'PUT',
      '/api/v1/company/profile',
      { companyName: '監査商事株式会社', phone: '03-0000-0000', version: 0 },
      200,
    );
    expectOneRow(first.rows, {
      event: 'company.profile_updated',
      target_id: tenant.tenantId,
      before: { companyName: '', phone: '' },
      after: { companyName: '監査商事株式会社', phone: '03-0000-0000' },
    });
    const second = await write(
      'PUT',
      '/api/v1/company/profile',
      { companyName: '監査商事株式会社', phone: '03-9999-9999', version: 1 },
      200,
    );
    expectUpdateDiff(
      second.rows,
      'company.profile_updated',
      tenant.tenantId,
      { phone: '03-0000-0000' },
      { phone: '03-9999-9999' },
    );

    const uploaded = await write(
      'PUT',
      '/api/v1/company/images/logo',
      { contentType: 'image/png', data: makePng(40, 20).toString('base64') },
      200,
    );
    expectOneRow(uploaded.rows, {
      event: 'company.image_uploaded',
      target_id: 'logo',
      after: expect.objectContaining({ width: 40, height: 20 }),
    });
    const removed = await write('DELETE', '/api/v1/company/images/logo', undefined, 204);
    expectOneRow(removed.rows, {
      event: 'company.image_deleted',
      target_id: 'logo',
      before: expect.objectContaining({ width: 40, height: 20 }),
    });
  });

  it('振込先: created, one changed field, deleted', async () => {
    const created = await write('POST', '/api/v1/company/bank-accounts', sampleBankAccount, 201);
    const id = created.json.bankAccountId;
    expectOneRow(created.rows, {
      event: 'company.bank_account_created',
      target_id: id,
      after: expect.objectContaining({ bankName: 'みずほ銀行', accountNumber: '1234567' }),
    });
    const updated = await write(
      'PUT',
      `/api/v1/company/bank-accounts/${id}`,
      { ...sampleBankAccount, branchName: '渋谷支店', version: created.json.version },
      200,
    );
    expectUpdateDiff(
      updated.rows,
      'company.bank_account_updated',
      id,
      { branchName: '東京営業部' },
      { branchName: '渋谷支店' },
    );
    const deleted = await write(
      'DELETE',
      `/api/v1/company/bank-accounts/${id}?version=${updated.json.version}`,
      undefined,
      204,
    );
    expectOneRow(deleted.rows, {
      event: 'company.bank_account_deleted',
      target_id: id,
      before: expect.objectContaining({ branchName: '渋谷支店' }),
    });
  });

  it('帳票設定, 伝票入力チェック and 自動採番: each save records what changed', async () => {
    const invoice = {
      documentType: 'invoice',
      title: '',
      showLogo: true,
      showSeal: true,
      showBankAccounts: true,
      showRegistrationNumber: true,
      footerNote: '',
      addressSource: 'company',
    };
    await write('PUT', '/api/v1/company/print-settings', { ...invoice, version: 0 }, 200);
    const titled = await write(
      'PUT',
      '/api/v1/company/print-settings',
      { ...invoice, title: '御請求書', version: 1 },
      200,
    );
    expectUpdateDiff(
      titled.rows,
      'company.print_settings_updated',
      'invoice',
      { title: '' },
      { title: '御請求書' },
    );

    const checks = await write(
      'PUT',
      '/api/v1/company/entry-checks',
      { project: 'allow', quantity: 'block', unitPrice: 'warn', cost: 'allow', version: 0 },
      200,
    );
    expect(checks.rows).toHaveLength(1);
    expect(checks.rows[0]).toMatchObject({
      event: 'company.entry_checks_updated',
      after: { quantity: 'block' },
    });
    expect(checks.rows[0]!.before).toHaveProperty('quantity');
    expect(checks.rows[0]!.before!.quantity).not.toBe('block');

    const numbering = await write(
      'PUT',
      '/api/v1/settings/code-numbering',
      { items: [{ kind: 'customers', isAuto: true, width: 5, version: 0 }] },
      200,
    );
    expect(numbering.rows).toHaveLength(1);
    expect(numbering.rows[0]).toMatchObject({ event: 'settings.code_numbering_updated' });
    const kinds = (side: Record<string, unknown> | null) =>
      (side!.items as { kind: string; isAuto: boolean; width: number }[]).find(
        (i) => i.kind === 'customers',
      );
    expect(kinds(numbering.rows[0]!.before)).toMatchObject({ isAuto: false });
    expect(kinds(numbering.rows[0]!.after)).toMatchObject({ isAuto: true, width: 5 });
  });

  it('a partner’s 分類 set on its form is part of the update’s before/after', async () => {
    const axes = (await admin.get('/api/v1/classification-axes?partnerType=customer')).json()
      .axes as { axisId: string; name: string }[];
    const region = axes.find((a) => a.name === '地域')!;
    const item = await write(
      'POST',
      `/api/v1/classification-axes/${region.axisId}/items`,
      { code: 'AKT', name: '関東' },
      201,
    );
    const customer = await write(
      'POST',
      '/api/v1/customers',
      { code: 'AC6', name: '関東商店' },
      201,
    );
    const id = customer.json.customerId;
    const assigned = await write(
      'PUT',
      `/api/v1/customers/${id}`,
      {
        code: 'AC6',
        name: '関東商店',
        classifications: [{ axisId: region.axisId, itemId: item.json.itemId }],
        version: 1,
      },
      200,
    );
    expectUpdateDiff(
      assigned.rows,
      'customer.updated',
      id,
      { classifications: [] },
      { classifications: [{ axisId: region.axisId, itemId: item.json.itemId }] },
    );
  });

  it('a preset 税率: renaming records the change, 初期状態に戻す records a reset', async () => {
    const preset = (await admin.get('/api/v1/tax-rates'))
      .json()
      .items.find((r: { code: string }) => r.code === '8R');
    const renamed = await write(
      'PUT',
      '/api/v1/tax-rates/8R',
      { printedName: '※8%', sortOrder: preset.sortOrder, isHidden: false, version: preset.version },
      200,
    );
    expectUpdateDiff(
      renamed.rows,
      'tax_rate.updated',
      '8R',
      { printedName: preset.printedName },
      { printedName: '※8%' },
    );
    const reset = await write(
      'DELETE',
      `/api/v1/tax-rates/8R?version=${renamed.json.version}`,
      undefined,
      204,
    );
    expectOneRow(reset.rows, {
      event: 'tax_rate.reset',
      target_id: '8R',
      before: expect.objectContaining({ printedName: '※8%' }),
    });
  });

  it('仕入先 used as another supplier’s 支払先 cannot be deleted', async () => {
    const payee = await write('POST', '/api/v1/suppliers', { code: 'AS2', name: '本社' }, 201);
    await write(
      'POST',
      '/api/v1/suppliers',
      { code: 'AS3', name: '支店', payToSupplierId: payee.json.supplierId },
      201,
    );
    await expectInUse(
      `/api/v1/suppliers/${payee.json.supplierId}?version=1`,
      'supplier_in_use',
      '「使用しない」',
    );
  });
});
