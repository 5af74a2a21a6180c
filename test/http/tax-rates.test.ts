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

/** 税率: shipped presets every tenant sees, display overrides, the tenant's own rates. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Rate = { code: string; printedName: string; ratePercent: string; isHidden: boolean };

async function rates(tenant: TestTenant): Promise<Rate[]> {
  const response = await api(t, tenant.adminCookie).get('/api/v1/tax-rates');
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

async function auditEvents(tenant: TestTenant) {
  return withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query(
      'SELECT event, before, after FROM app.audit_log ORDER BY seq',
    );
    return rows as { event: string; before: unknown; after: unknown }[];
  });
}

describe('税率 API', () => {
  it('gives a new tenant 10 % and reduced 8 % without any data of its own', async () => {
    const tenant = await createSignedInTenant(t);
    const shown = (await rates(tenant)).filter((r) => !r.isHidden);
    expect(shown.map((r) => [r.code, r.printedName, r.ratePercent])).toEqual([
      ['10', '10%', '10'],
      ['8R', '軽減8%', '8'],
      ['0E', '非課税', '0'],
    ]);
  });

  it('lets a preset be renamed, reordered and hidden, but not its rate, then reset', async () => {
    const tenant = await createSignedInTenant(t);
    const admin = api(t, tenant.adminCookie);
    const locked = await admin.put('/api/v1/tax-rates/8R', {
      printedName: '軽減',
      sortOrder: 5,
      isHidden: false,
      ratePercent: '10',
      version: 0,
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('tax_rate_preset_locked');
    expect(locked.json().errors[0].path).toBe('ratePercent');

    const renamed = await admin.put('/api/v1/tax-rates/8R', {
      printedName: '※8%',
      sortOrder: 5,
      isHidden: false,
      version: 0,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ printedName: '※8%', ratePercent: '8', version: 1 });
    expect((await rates(tenant))[0]).toMatchObject({ code: '8R', printedName: '※8%' });

    const twice = await admin.put('/api/v1/tax-rates/8R', {
      printedName: 'x',
      sortOrder: 5,
      isHidden: false,
      version: 0,
    });
    expect(twice.json().code).toBe('version_conflict');

    const reset = await admin.send('DELETE', '/api/v1/tax-rates/8R?version=1');
    expect(reset.statusCode).toBe(204);
    expect((await rates(tenant)).find((r) => r.code === '8R')?.printedName).toBe('軽減8%');
    expect((await auditEvents(tenant)).map((e) => e.event)).toEqual(
      expect.arrayContaining(['tax_rate.updated', 'tax_rate.reset']),
    );
  });

  it('adds, edits and deletes a rate of the tenant’s own; other tenants never see it', async () => {
    const tenant = await createSignedInTenant(t);
    const other = await createSignedInTenant(t);
    const admin = api(t, tenant.adminCookie);
    const made = await admin.post('/api/v1/tax-rates', {
      code: 'OLD3',
      printedName: '3%',
      ratePercent: '3',
      category: 'standard',
      sortOrder: 200,
      isHidden: true,
      validFrom: '1989-04-01',
      validTo: '1997-03-31',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect((await rates(tenant)).map((r) => r.code)).toContain('OLD3');
    expect((await rates(other)).map((r) => r.code)).not.toContain('OLD3');

    const edited = await admin.put('/api/v1/tax-rates/OLD3', {
      printedName: '旧3%',
      sortOrder: 200,
      isHidden: true,
      ratePercent: '3.00',
      version: 1,
    });
    expect(edited.json()).toMatchObject({ printedName: '旧3%', ratePercent: '3', version: 2 });
    expect((await admin.send('DELETE', '/api/v1/tax-rates/OLD3?version=2')).statusCode).toBe(204);
    expect((await rates(tenant)).map((r) => r.code)).not.toContain('OLD3');
  });

  it('refuses preset codes, bad rates and reversed periods in Japanese', async () => {
    const tenant = await createSignedInTenant(t);
    const admin = api(t, tenant.adminCookie);
    const taken = await admin.post('/api/v1/tax-rates', {
      code: '10',
      printedName: 'x',
      ratePercent: '10',
      category: 'standard',
      sortOrder: 1,
    });
    expect(taken.json().code).toBe('tax_rate_code_taken');
    const bad = await admin.post('/api/v1/tax-rates', {
      code: 'X1',
      printedName: 'x',
      ratePercent: '10.555',
      category: 'standard',
      sortOrder: 1,
      validFrom: '2026-01-01',
      validTo: '2025-01-01',
    });
    expect(bad.statusCode).toBe(400);
    const messages = JSON.stringify(bad.json().errors);
    expect(messages).toMatch(/小数2桁まで/);
    expect(messages).toMatch(/適用終了日は適用開始日以降/);
    expect((await auditEvents(tenant)).some((e) => e.event.startsWith('tax_rate'))).toBe(false);
  });

  it('shows the list to every signed-in user but lets only 環境設定 rights change it', async () => {
    const tenant = await createSignedInTenant(t);
    const clerk = await createUser(t, tenant, { loginId: 'clerk', permissions: ['sales:view'] });
    expect((await api(t, clerk.cookie).get('/api/v1/tax-rates')).statusCode).toBe(200);
    const change = await api(t, clerk.cookie).put('/api/v1/tax-rates/10', {
      printedName: 'x',
      sortOrder: 1,
      isHidden: false,
      version: 0,
    });
    expect(change.statusCode).toBe(403);
  });
});
