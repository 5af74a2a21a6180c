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
import { commitImport, previewFile } from '../support/master-import';

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
});
