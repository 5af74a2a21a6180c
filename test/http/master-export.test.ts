import iconv from 'iconv-lite';
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
import { commitImport, excelCsv, previewFile } from '../support/master-import';

let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
  const admin = api(t, tenant.adminCookie);
  for (const body of [
    { code: '0001', name: '=HYPERLINK("http://evil.example","押して")', notes: '@SUM(A1)' },
    { code: '0002', name: '㈱髙橋商店', kana: 'ﾀｶﾊｼ', phone: '+81-3-1234' },
    { code: '0003', name: '休止中の得意先', isActive: false },
  ]) {
    expect((await admin.post('/api/v1/customers', body)).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

const utf8Rows = (body: Buffer) => {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return body.subarray(3).toString('utf8').split('\r\n');
};

describe('マスタのエクスポート', () => {
  it('exports the list matches as BOM UTF-8 CSV with formulas neutralised, and audits it', async () => {
    const response = await api(t, tenant.adminCookie).get(
      '/api/v1/customers/export?format=csv-utf8',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=UTF-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="____\d{8}\.csv"; filename\*=UTF-8''%E5%BE%97%E6%84%8F%E5%85%88_\d{8}\.csv$/,
    );
    const lines = utf8Rows(response.rawPayload);
    expect(lines[0]).toMatch(/^"得意先コード","得意先名","フリガナ",/);
    // Active only, as the list shows by default; codes keep their leading zeros.
    expect(lines.filter((line) => line !== '')).toHaveLength(3);
    expect(lines[1]).toContain(`"0001","'=HYPERLINK(""http://evil.example"",""押して"")"`);
    expect(lines[1]).toContain(`"'@SUM(A1)"`);
    // "+81…" would be a formula too.
    expect(lines[2]).toContain(`"'+81-3-1234"`);
    const audit = await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
      const { rows } = await tx.client.query(
        `SELECT after FROM app.audit_log WHERE event = 'master_data.exported' ORDER BY seq DESC LIMIT 1`,
      );
      return rows[0]?.after;
    });
    expect(audit).toMatchObject({ master: 'customers', format: 'csv-utf8', rows: 2 });
  });

  it('applies the list filters (使用しない only, search)', async () => {
    const inactive = await api(t, tenant.adminCookie).get(
      '/api/v1/customers/export?format=csv-utf8&active=false',
    );
    const lines = utf8Rows(inactive.rawPayload).filter((line) => line !== '');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^"0003","休止中の得意先"/);
    const searched = await api(t, tenant.adminCookie).get(
      `/api/v1/customers/export?format=csv-utf8&q=${encodeURIComponent('ﾀｶﾊｼ')}`,
    );
    expect(utf8Rows(searched.rawPayload).filter((line) => line !== '')).toHaveLength(2);
  });

  it('an exported file imports back unchanged (formula marks removed)', async () => {
    const exported = await api(t, tenant.adminCookie).get(
      '/api/v1/customers/export?format=csv-sjis',
    );
    expect(exported.statusCode).toBe(200);
    const preview = await previewFile(t, tenant.adminCookie, 'customers', exported.rawPayload, {
      mode: 'upsert',
    });
    expect(preview).toMatchObject({ errorCount: 0, updateCount: 2, createCount: 0 });
    expect(preview.preview.rows[0]?.[1]).toBe('=HYPERLINK("http://evil.example","押して")');
    expect((await commitImport(t, tenant.adminCookie, 'customers', preview.jobId)).state).toBe(
      'succeeded',
    );
    const customer = (await api(t, tenant.adminCookie).get('/api/v1/customers?q=0001')).json()
      .items[0];
    expect(customer).toMatchObject({
      name: '=HYPERLINK("http://evil.example","押して")',
      notes: '@SUM(A1)',
    });
  });

  it('reports characters Shift_JIS cannot hold (row, column, character) instead of writing ?', async () => {
    const created = await api(t, tenant.adminCookie).post('/api/v1/customers', {
      code: '0009',
      name: '𠮷野家ホールディングス',
    });
    expect(created.statusCode).toBe(201);
    const response = await api(t, tenant.adminCookie).get(
      '/api/v1/customers/export?format=csv-sjis&q=0009',
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'export_unencodable',
      errors: [{ path: '2:得意先名', message: '2行目「得意先名」の 「𠮷」' }],
    });
    const utf8 = await api(t, tenant.adminCookie).get(
      '/api/v1/customers/export?format=csv-utf8&q=0009',
    );
    expect(utf8Rows(utf8.rawPayload)[1]).toContain('"𠮷野家ホールディングス"');
  });

  it('gives a template: the header row and one example row, in Shift_JIS when asked', async () => {
    const response = await api(t, tenant.adminCookie).get(
      '/api/v1/customers/import-template?format=csv-sjis',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    const lines = iconv.decode(response.rawPayload, 'cp932').split('\r\n');
    expect(lines[0]).toMatch(/^"得意先コード","得意先名",/);
    expect(lines[1]).toMatch(/^"000123","株式会社サンプル商事",/);
    expect(lines[2]).toBe('');
    // The template imports as it is.
    const preview = await previewFile(t, tenant.adminCookie, 'customers', response.rawPayload);
    expect(preview).toMatchObject({ errorCount: 0, createCount: 1 });
  });

  it('needs 出力 to export', async () => {
    const viewer = await createUser(t, tenant, {
      loginId: 'export-viewer',
      permissions: ['customers:view'],
    });
    const refused = await api(t, viewer.cookie).get('/api/v1/customers/export');
    expect(refused.statusCode).toBe(403);
  });

  it('exports XLSX that imports back: codes stay text with their leading zeros', async () => {
    const exported = await api(t, tenant.adminCookie).get('/api/v1/customers/export?format=xlsx');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(exported.headers['content-disposition']).toMatch(/\.xlsx"?;/);
    expect(exported.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const preview = await previewFile(t, tenant.adminCookie, 'customers', exported.rawPayload, {
      mode: 'upsert',
      fileName: '得意先.xlsx',
    });
    expect(preview).toMatchObject({
      format: 'xlsx',
      hasHeader: true,
      errorCount: 0,
      createCount: 0,
    });
    expect(preview.preview.rows.map((row) => row[0])).toContain('0002');
    const template = await api(t, tenant.adminCookie).get(
      '/api/v1/suppliers/import-template?format=xlsx',
    );
    const fromTemplate = await previewFile(
      t,
      tenant.adminCookie,
      'suppliers',
      template.rawPayload,
      {
        fileName: '仕入先.xlsx',
      },
    );
    expect(fromTemplate).toMatchObject({ format: 'xlsx', errorCount: 0, createCount: 1 });
    expect(fromTemplate.preview.rows[0]?.[0]).toBe('000456');
  });
});

describe('仕入先・商品・得意先別単価の取り込み', () => {
  it('imports suppliers with their invoice registration and refuses what the form refuses', async () => {
    const file = Buffer.from(
      '\ufeff仕入先コード,仕入先名,登録番号,登録状況,登録日,支払方法\r\n' +
        'S-01,株式会社仕入,T1234567890123,登録済,2023/10/1,振込\r\n' +
        'S-02,番号なしで登録済,,登録済,,現金\r\n',
      'utf8',
    );
    const preview = await previewFile(t, tenant.adminCookie, 'suppliers', file);
    expect(preview.encoding).toBe('utf-8-bom');
    expect(preview.errors).toEqual([
      { line: 3, column: '登録番号', message: '「登録済」の場合は登録番号を入力してください' },
    ]);
  });

  it('imports products (税込, 全角 prices with commas) and 得意先別単価 by codes', async () => {
    const products = excelCsv([
      '商品コード,商品名,単価小数桁,単価1,原価,税区分,税率,在庫管理',
      'P-001,コピー用紙,0,"２，５００",1800,税込,10%,しない',
      'P-002,ボールペン,2,120.5,80,外税,軽減8%,する',
    ]);
    const preview = await previewFile(t, tenant.adminCookie, 'products', products);
    expect(preview).toMatchObject({ errorCount: 0, createCount: 2 });
    expect((await commitImport(t, tenant.adminCookie, 'products', preview.jobId)).state).toBe(
      'succeeded',
    );
    const paper = (await api(t, tenant.adminCookie).get('/api/v1/products?q=P-001')).json()
      .items[0];
    expect(paper).toMatchObject({
      unitPrice1: '2500',
      cost: '1800',
      taxMode: 'inclusive',
      taxRateCode: '10',
      isStockManaged: false,
    });

    const prices = excelCsv([
      '商品コード,得意先コード,単価,相手先商品コード,適用開始日',
      'P-001,0002,2200,X-55,',
      'P-002,0002,99.999,,',
      'P-001,NOPE,1000,,',
      'P-001,0002,2100,,2027/4/1',
    ]);
    const pricePreview = await previewFile(t, tenant.adminCookie, 'customer-prices', prices);
    expect(pricePreview.errors.map((e) => `行 ${e.line}: ${e.message}`)).toEqual([
      '行 3: 単価は小数2桁以内で入力してください（単価小数桁）',
      '行 4: 得意先コード「NOPE」の得意先が見つかりません',
    ]);
    const clean = excelCsv([
      '商品コード,得意先コード,単価,相手先商品コード,適用開始日',
      'P-001,0002,2200,X-55,',
      'P-001,0002,2100,,2027/4/1',
    ]);
    const ok = await previewFile(t, tenant.adminCookie, 'customer-prices', clean);
    expect(ok).toMatchObject({ errorCount: 0, createCount: 2 });
    expect((await commitImport(t, tenant.adminCookie, 'customer-prices', ok.jobId)).state).toBe(
      'succeeded',
    );
    const listed = (
      await api(t, tenant.adminCookie).get(`/api/v1/products/${paper.productId}/customer-prices`)
    ).json().items;
    expect(
      listed.map(
        (p: { unitPrice: string; partnerProductCode: string; validFrom: string | null }) => [
          p.unitPrice,
          p.partnerProductCode,
          p.validFrom,
        ],
      ),
    ).toEqual([
      ['2200', 'X-55', null],
      ['2100', '', '2027-04-01'],
    ]);
    // The same file again in 追加と更新 updates both rows.
    const again = await previewFile(t, tenant.adminCookie, 'customer-prices', clean, {
      mode: 'upsert',
    });
    expect(again).toMatchObject({ errorCount: 0, createCount: 0, updateCount: 2 });
  });
});
