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

/** 部門 master: CRUD with optimistic locking, audit before/after, refusal while in use. */
let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

const osaka = {
  code: 'D20',
  name: '大阪営業所',
  kana: 'オオサカエイギョウショ',
  postalCode: '530-0001',
  address1: '大阪府大阪市北区梅田1-1-1',
  phone: '06-1234-5678',
  printsOwnAddress: true,
};

async function lastAudit() {
  return withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query(
      'SELECT event, target_id, before, after FROM app.audit_log ORDER BY seq DESC LIMIT 1',
    );
    return rows[0];
  });
}

async function countDepartments() {
  return withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query('SELECT count(*)::int AS n FROM app.departments');
    return rows[0].n as number;
  });
}

describe('部門 API', () => {
  it('creates, lists in code order, edits with a version and records only what changed', async () => {
    const admin = api(t, tenant.adminCookie);
    const created = await admin.post('/api/v1/departments', osaka);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...osaka, isActive: true, version: 1 });
    await admin.post('/api/v1/departments', { code: 'D10', name: '本社' });

    const list = (await admin.get('/api/v1/departments')).json();
    expect(list.items.map((d: { code: string }) => d.code)).toEqual(['D10', 'D20']);

    const id = created.json().departmentId;
    const edited = await admin.put(`/api/v1/departments/${id}`, {
      ...osaka,
      phone: '06-9999-0000',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ phone: '06-9999-0000', version: 2 });
    expect(await lastAudit()).toMatchObject({
      event: 'department.updated',
      target_id: id,
      before: { phone: '06-1234-5678' },
      after: { phone: '06-9999-0000' },
    });

    const stale = await admin.put(`/api/v1/departments/${id}`, { ...osaka, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });

  it('refuses a duplicate code with a field error and writes nothing', async () => {
    const admin = api(t, tenant.adminCookie);
    await admin.post('/api/v1/departments', { code: 'DUP', name: '一' });
    const before = await countDepartments();
    const response = await admin.post('/api/v1/departments', { code: 'DUP', name: '二' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'department_code_taken',
      errors: [{ path: 'code', message: 'この部門コードは既に登録されています' }],
    });
    expect(await countDepartments()).toBe(before);
  });

  it('explains bad input in Japanese field by field', async () => {
    const response = await api(t, tenant.adminCookie).post('/api/v1/departments', {
      code: '支店',
      name: '',
      postalCode: '5300001x',
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['code', 'name', 'postalCode']));
    expect(JSON.stringify(response.json().errors)).toMatch(/部門名を入力してください/);
  });

  it('deletes with the version read and audits the removed record', async () => {
    const admin = api(t, tenant.adminCookie);
    const made = (await admin.post('/api/v1/departments', { code: 'TMP', name: '臨時' })).json();
    const stale = await admin.send('DELETE', `/api/v1/departments/${made.departmentId}?version=2`);
    expect(stale.statusCode).toBe(409);
    const removed = await admin.send(
      'DELETE',
      `/api/v1/departments/${made.departmentId}?version=1`,
    );
    expect(removed.statusCode).toBe(204);
    expect(await lastAudit()).toMatchObject({
      event: 'department.deleted',
      before: expect.objectContaining({ code: 'TMP', name: '臨時' }),
    });
    expect((await admin.get(`/api/v1/departments/${made.departmentId}`)).statusCode).toBe(404);
  });

  it('lets a view-only user read but not write', async () => {
    const viewer = await createUser(t, tenant, {
      loginId: 'dept-viewer',
      permissions: ['departments:view'],
    });
    expect((await api(t, viewer.cookie).get('/api/v1/departments')).statusCode).toBe(200);
    const write = await api(t, viewer.cookie).post('/api/v1/departments', { code: 'X', name: 'x' });
    expect(write.statusCode).toBe(403);
  });
});
