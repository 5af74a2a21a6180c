import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** 物件 master: tied to a customer of the same tenant only, period checked, audited. */
let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

async function customer(of: TestTenant, code: string) {
  const response = await api(t, of.adminCookie).post('/api/v1/customers', {
    code,
    name: `株式会社${code}`,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().customerId as string;
}

async function lastAudit() {
  return withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query(
      'SELECT event, before, after FROM app.audit_log ORDER BY seq DESC LIMIT 1',
    );
    return rows[0];
  });
}

describe('物件 API', () => {
  it('creates a project for a customer and shows the customer with it', async () => {
    const customerId = await customer(tenant, 'PC1');
    const admin = api(t, tenant.adminCookie);
    const made = await admin.post('/api/v1/projects', {
      code: 'P-2026-01',
      name: '本社改装工事',
      customerId,
      startsOn: '2026-12-01',
      endsOn: '2027-03-31',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      code: 'P-2026-01',
      customer: { code: 'PC1', name: '株式会社PC1' },
      startsOn: '2026-12-01',
      endsOn: '2027-03-31',
      version: 1,
    });
    const listed = (await admin.get(`/api/v1/projects?customerId=${customerId}`)).json();
    expect(listed.items.map((p: { code: string }) => p.code)).toEqual(['P-2026-01']);

    const edited = await admin.put(`/api/v1/projects/${made.json().projectId}`, {
      code: 'P-2026-01',
      name: '本社改装工事（第2期）',
      customerId,
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await lastAudit()).toMatchObject({
      event: 'project.updated',
      before: { name: '本社改装工事', startsOn: '2026-12-01' },
      after: { name: '本社改装工事（第2期）', startsOn: null },
    });
  });

  it('refuses another tenant’s customer as if it did not exist, and writes nothing', async () => {
    const other = await createSignedInTenant(t);
    const foreignCustomer = await customer(other, 'FOREIGN');
    const response = await api(t, tenant.adminCookie).post('/api/v1/projects', {
      code: 'P-X',
      name: '越境',
      customerId: foreignCustomer,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'customerId', message: '得意先が見つかりません。選び直してください' },
    ]);
    const list = (await api(t, tenant.adminCookie).get('/api/v1/projects')).json();
    expect(list.items.map((p: { code: string }) => p.code)).not.toContain('P-X');
  });

  it('checks the period and the code in Japanese', async () => {
    const admin = api(t, tenant.adminCookie);
    const reversed = await admin.post('/api/v1/projects', {
      code: 'P-R',
      name: '逆転',
      startsOn: '2027-01-01',
      endsOn: '2026-01-01',
    });
    expect(reversed.statusCode).toBe(400);
    expect(JSON.stringify(reversed.json().errors)).toMatch(/終了日は開始日以降/);
    await admin.post('/api/v1/projects', { code: 'P-DUP', name: '一' });
    const taken = await admin.post('/api/v1/projects', { code: 'P-DUP', name: '二' });
    expect(taken.json()).toMatchObject({ code: 'project_code_taken' });
  });

  it('deletes with the version read', async () => {
    const admin = api(t, tenant.adminCookie);
    const made = (await admin.post('/api/v1/projects', { code: 'P-TMP', name: '臨時' })).json();
    expect(
      (await admin.send('DELETE', `/api/v1/projects/${made.projectId}?version=9`)).statusCode,
    ).toBe(409);
    expect(
      (await admin.send('DELETE', `/api/v1/projects/${made.projectId}?version=1`)).statusCode,
    ).toBe(204);
    expect(await lastAudit()).toMatchObject({ event: 'project.deleted' });
  });
});
