import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** 単位: a starting list per organisation, edited by 環境設定 rights, read by everyone. */
let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

const names = async (cookie: string) =>
  (await api(t, cookie).get('/api/v1/units')).json().items.map((u: { name: string }) => u.name);

describe('単位 API', () => {
  it('gives a new organisation the common units in a sensible order', async () => {
    expect((await names(tenant.adminCookie)).slice(0, 4)).toEqual(['個', '本', '枚', '箱']);
  });

  it('adds, reorders, renames and deletes, refusing duplicates in Japanese', async () => {
    const admin = api(t, tenant.adminCookie);
    const made = await admin.post('/api/v1/units', { name: 'ケース', sortOrder: 5 });
    expect(made.statusCode, made.body).toBe(201);
    expect((await names(tenant.adminCookie))[0]).toBe('ケース');
    const duplicate = await admin.post('/api/v1/units', { name: 'ケース', sortOrder: 6 });
    expect(duplicate.json()).toMatchObject({
      code: 'unit_name_taken',
      errors: [{ path: 'name', message: 'この単位は既に登録されています' }],
    });
    const id = made.json().unitId;
    const renamed = await admin.put(`/api/v1/units/${id}`, {
      name: 'c/s',
      sortOrder: 5,
      version: 1,
    });
    expect(renamed.json()).toMatchObject({ name: 'c/s', version: 2 });
    expect((await admin.send('DELETE', `/api/v1/units/${id}?version=1`)).statusCode).toBe(409);
    expect((await admin.send('DELETE', `/api/v1/units/${id}?version=2`)).statusCode).toBe(204);
    expect(await names(tenant.adminCookie)).not.toContain('c/s');
  });

  it('lets staff read the list but only 環境設定 rights change it', async () => {
    const clerk = await createUser(t, tenant, { loginId: 'clerk', permissions: ['sales:view'] });
    expect(await names(clerk.cookie)).toContain('個');
    const write = await api(t, clerk.cookie).post('/api/v1/units', { name: '缶', sortOrder: 1 });
    expect(write.statusCode).toBe(403);
  });
});
