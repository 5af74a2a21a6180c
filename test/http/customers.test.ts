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

let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

const yamada = {
  code: 'C001',
  name: '株式会社山田商店',
  kana: 'ヤマダショウテン',
  phone: '03-1234-5678',
};

const countRows = async (table: string) =>
  withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query(`SELECT count(*)::int AS n FROM app.${table}`);
    return rows[0].n as number;
  });

describe('得意先 API', () => {
  it('creates a customer with defaults and an audit row in the same transaction', async () => {
    const auditBefore = await countRows('audit_log');
    const response = await api(t, tenant.adminCookie).post('/api/v1/customers', yamada);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      ...yamada,
      honorific: '御中',
      isActive: true,
      version: 1,
    });
    expect(await countRows('audit_log')).toBe(auditBefore + 1);
    const audit = await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
      const { rows } = await tx.client.query(
        'SELECT event, target_id, actor_label, after FROM app.audit_log ORDER BY seq DESC LIMIT 1',
      );
      return rows[0];
    });
    expect(audit).toMatchObject({
      event: 'customer.created',
      target_id: response.json().customerId,
      actor_label: 'admin',
      after: expect.objectContaining({ code: 'C001', name: '株式会社山田商店' }),
    });
  });

  it('refuses a duplicate code with 409, a field error on code, and changes nothing', async () => {
    const before = { customers: await countRows('customers'), audit: await countRows('audit_log') };
    const response = await api(t, tenant.adminCookie).post('/api/v1/customers', {
      ...yamada,
      name: '別名',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'customer_code_taken',
      errors: [{ path: 'code', message: 'この得意先コードは既に登録されています' }],
    });
    expect({
      customers: await countRows('customers'),
      audit: await countRows('audit_log'),
    }).toEqual(before);
  });

  it('validates every field with Japanese messages and writes nothing', async () => {
    const before = await countRows('customers');
    const response = await api(t, tenant.adminCookie).post('/api/v1/customers', {
      code: 'コード',
      name: '',
      postalCode: '1234',
      email: 'not-an-email',
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['code', 'name', 'postalCode', 'email']));
    expect(
      response.json().errors.find((e: { path: string }) => e.path === 'postalCode').message,
    ).toBe('郵便番号は「123-4567」の形式で入力してください');
    expect(await countRows('customers')).toBe(before);
  });

  it('updates with optimistic locking and records before/after of changed fields', async () => {
    const created = (
      await api(t, tenant.adminCookie).post('/api/v1/customers', { code: 'C002', name: '旧名' })
    ).json();
    const url = `/api/v1/customers/${created.customerId}`;
    const updated = await api(t, tenant.adminCookie).put(url, {
      code: 'C002',
      name: '新名',
      version: 1,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: '新名', version: 2 });
    const stale = await api(t, tenant.adminCookie).put(url, {
      code: 'C002',
      name: '上書き',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await api(t, tenant.adminCookie).get(url)).json().name).toBe('新名');
    const audit = await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
      const { rows } = await tx.client.query(
        "SELECT before, after FROM app.audit_log WHERE event = 'customer.updated' ORDER BY seq DESC LIMIT 1",
      );
      return rows[0];
    });
    expect(audit).toEqual({ before: { name: '旧名' }, after: { name: '新名' } });
  });

  it('answers 404 for an id that does not exist and 400 for one that is not a UUID', async () => {
    const missing = await api(t, tenant.adminCookie).get(
      '/api/v1/customers/0190d2a0-0000-7000-8000-000000000000',
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const malformed = await api(t, tenant.adminCookie).get('/api/v1/customers/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
  });

  it('finds customers by hiragana, half-width kana or katakana, and by partial name', async () => {
    await api(t, tenant.adminCookie).post('/api/v1/customers', {
      code: 'K100',
      name: 'カブシキ商会',
      kana: 'ｶﾌﾞｼｷｼｮｳｶｲ',
    });
    for (const q of ['かぶしき', 'ｶﾌﾞｼｷ', 'カブシキ']) {
      const found = await api(t, tenant.adminCookie).get(
        `/api/v1/customers?q=${encodeURIComponent(q)}`,
      );
      expect(
        found.json().items.map((c: { code: string }) => c.code),
        q,
      ).toEqual(['K100']);
    }
    const byName = await api(t, tenant.adminCookie).get(
      `/api/v1/customers?q=${encodeURIComponent('山田')}`,
    );
    expect(byName.json().items.map((c: { code: string }) => c.code)).toEqual(['C001']);
    const wildcard = await api(t, tenant.adminCookie).get(
      `/api/v1/customers?q=${encodeURIComponent('%')}`,
    );
    expect(wildcard.json().items).toEqual([]);
    // The last code point has no successor, so no prefix range: the filter must still work.
    const top = encodeURIComponent('\u{10FFFF}');
    const unbounded = await api(t, tenant.adminCookie).get(
      `/api/v1/customers?q=${top}&kana=${top}`,
    );
    expect(unbounded.statusCode).toBe(200);
    expect(unbounded.json().items).toEqual([]);
  });

  it('pages with a keyset cursor, in code and in kana order, without gaps or repeats', async () => {
    const fresh = await createSignedInTenant(t);
    const kanas = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ'];
    for (const [i, kana] of kanas.entries()) {
      await api(t, fresh.adminCookie).post('/api/v1/customers', {
        code: `P${String(kanas.length - i).padStart(3, '0')}`,
        name: `得意先${i}`,
        kana,
      });
    }
    for (const sort of ['code', 'kana'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let first = true;
      do {
        const query: string = `sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page: {
          items: { code: string; kana: string }[];
          total: unknown;
          nextCursor: string | null;
        } = (await api(t, fresh.adminCookie).get(`/api/v1/customers?${query}`)).json();
        if (first) expect(page.total).toEqual({ count: 7, isCapped: false });
        else expect(page.total).toBeNull();
        first = false;
        seen.push(
          ...page.items.map((c: { code: string; kana: string }) =>
            sort === 'code' ? c.code : c.kana,
          ),
        );
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(sort === 'code' ? [...seen].sort() : kanas);
      expect(new Set(seen).size).toBe(7);
    }
    const bad = await api(t, fresh.adminCookie).get('/api/v1/customers?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cursor');
  });

  describe('billing terms, 請求先 and references', () => {
    let staff: { userId: string };
    let departmentId: string;
    let headOffice: { customerId: string };
    beforeAll(async () => {
      staff = await createUser(t, tenant, { loginId: 'sales1', permissions: [] });
      departmentId = (
        await api(t, tenant.adminCookie).post('/api/v1/departments', { code: 'D1', name: '営業部' })
      ).json().departmentId;
      headOffice = (
        await api(t, tenant.adminCookie).post('/api/v1/customers', {
          code: 'H001',
          name: '本社商事',
        })
      ).json();
    });

    it('stores every term, names its references and summarises them', async () => {
      const response = await api(t, tenant.adminCookie).post('/api/v1/customers', {
        code: 'B001',
        name: '支店商事',
        billToCustomerId: headOffice.customerId,
        closingDays: [31, 15],
        paymentMonthsAfter: 1,
        paymentDay: 10,
        paymentMethod: 'transfer',
        holidayShift: 'before',
        taxUnit: 'invoice',
        taxRounding: 'halfUp',
        priceClass: 3,
        ratePercent: '85.5',
        priceRounding: 'up',
        creditLimit: '5,000,000',
        staffUserId: staff.userId,
        departmentId,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        billToCustomerId: headOffice.customerId,
        billTo: { code: 'H001', name: '本社商事' },
        collectFromCustomerId: null,
        collectFrom: null,
        closingKind: 'periodic',
        closingDays: [15, 31],
        taxUnit: 'invoice',
        taxRounding: 'halfUp',
        priceClass: 3,
        ratePercent: '85.5',
        creditLimit: '5000000',
        staff: { name: 'sales1' },
        department: { code: 'D1', name: '営業部' },
        termsSummary: '15日・末日締め 翌月10日 振込（休日は前営業日）',
      });
      const read = await api(t, tenant.adminCookie).get(
        `/api/v1/customers/${response.json().customerId}`,
      );
      expect(read.json()).toEqual(response.json());
    });

    it('defaults to no credit limit and 末締め 翌月末, and stores itself as 請求先 as null', async () => {
      const created = (
        await api(t, tenant.adminCookie).post('/api/v1/customers', {
          code: 'B002',
          name: '自社請求',
        })
      ).json();
      expect(created).toMatchObject({ creditLimit: null, termsSummary: '末日締め 翌月末日 振込' });
      const updated = await api(t, tenant.adminCookie).put(
        `/api/v1/customers/${created.customerId}`,
        { code: 'B002', name: '自社請求', billToCustomerId: created.customerId, version: 1 },
      );
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({ billToCustomerId: null, version: 2 });
    });

    it("refuses another tenant's customer, user or department as not found, writing nothing", async () => {
      const other = await createSignedInTenant(t);
      const foreign = (
        await api(t, other.adminCookie).post('/api/v1/customers', { code: 'X1', name: '他社' })
      ).json();
      const before = await countRows('customers');
      for (const [field, value] of [
        ['billToCustomerId', foreign.customerId],
        ['collectFromCustomerId', foreign.customerId],
        ['departmentId', foreign.customerId],
        ['staffUserId', foreign.customerId],
      ] as const) {
        const response = await api(t, tenant.adminCookie).post('/api/v1/customers', {
          code: 'B099',
          name: '越境',
          [field]: value,
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().errors[0]).toMatchObject({
          path: field,
          message: expect.stringContaining('見つかりません'),
        });
      }
      expect(await countRows('customers')).toBe(before);
    });

    it('validates 締日 and 掛け率 with Japanese messages', async () => {
      const response = await api(t, tenant.adminCookie).post('/api/v1/customers', {
        code: 'B003',
        name: '不正',
        closingDays: [30],
        ratePercent: 'abc',
        priceClass: 6,
      });
      expect(response.statusCode).toBe(400);
      const messages = Object.fromEntries(
        response.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
      );
      expect(messages['closingDays.0']).toBe('締日は1〜28日または末日を指定してください');
      expect(messages.ratePercent).toContain('掛け率');
      expect(messages.priceClass).toContain('単価区分');
    });

    it('filters by staff and department and finds by phone digits', async () => {
      const byStaff = await api(t, tenant.adminCookie).get(
        `/api/v1/customers?staff=${staff.userId}`,
      );
      expect(byStaff.json().items.map((c: { code: string }) => c.code)).toEqual(['B001']);
      const byDepartment = await api(t, tenant.adminCookie).get(
        `/api/v1/customers?department=${departmentId}&active=all`,
      );
      expect(byDepartment.json().items.map((c: { code: string }) => c.code)).toEqual(['B001']);
      const byPhone = await api(t, tenant.adminCookie).get('/api/v1/customers?q=0312345678');
      expect(byPhone.json().items.map((c: { code: string }) => c.code)).toEqual(['C001']);
      const byPartialPhone = await api(t, tenant.adminCookie).get('/api/v1/customers?q=1234-56');
      expect(byPartialPhone.json().items.map((c: { code: string }) => c.code)).toContain('C001');
    });

    it('refuses to delete a customer a project or another customer names, suggesting 使用しない', async () => {
      const project = await api(t, tenant.adminCookie).post('/api/v1/projects', {
        code: 'P1',
        name: '工事',
        customerId: (await api(t, tenant.adminCookie).get('/api/v1/customers?q=B002')).json()
          .items[0].customerId,
      });
      expect(project.statusCode).toBe(201);
      const b002 = project.json().customerId;
      const inProject = await api(t, tenant.adminCookie).send(
        'DELETE',
        `/api/v1/customers/${b002}?version=2`,
      );
      expect(inProject.statusCode).toBe(409);
      expect(inProject.json()).toMatchObject({ code: 'customer_in_use' });
      expect(inProject.json().title).toContain('「使用しない」');
      const billTo = await api(t, tenant.adminCookie).send(
        'DELETE',
        `/api/v1/customers/${headOffice.customerId}?version=1`,
      );
      expect(billTo.json().code).toBe('customer_in_use');
    });

    it('deletes an unused customer with its full record in the audit row', async () => {
      const created = (
        await api(t, tenant.adminCookie).post('/api/v1/customers', { code: 'D900', name: '削除用' })
      ).json();
      const stale = await api(t, tenant.adminCookie).send(
        'DELETE',
        `/api/v1/customers/${created.customerId}?version=9`,
      );
      expect(stale.statusCode).toBe(409);
      const removed = await api(t, tenant.adminCookie).send(
        'DELETE',
        `/api/v1/customers/${created.customerId}?version=1`,
      );
      expect(removed.statusCode).toBe(204);
      const audit = await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
        const { rows } = await tx.client.query(
          "SELECT before, after FROM app.audit_log WHERE event = 'customer.deleted' ORDER BY seq DESC LIMIT 1",
        );
        return rows[0];
      });
      expect(audit.before).toMatchObject({ code: 'D900', name: '削除用' });
      expect(
        (await api(t, tenant.adminCookie).get(`/api/v1/customers/${created.customerId}`))
          .statusCode,
      ).toBe(404);
    });

    it("refuses to delete a user who is a customer's 担当者", async () => {
      const response = await api(t, tenant.adminCookie).send(
        'DELETE',
        `/api/v1/users/${staff.userId}`,
      );
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('user_in_use');
    });
  });

  it('keeps the audit hash chain intact across all these writes', async () => {
    const report = await withTenantTransaction(t.db.pool, tenant.tenantId, verifyAuditChain);
    expect(report.rows).toBeGreaterThan(3);
    expect(report.firstBrokenSeq).toBeNull();
  });

  it('detects an edited audit row', async () => {
    await t.db.superuser.query(
      'UPDATE app.audit_log SET after = \'{"name":"改ざん"}\' WHERE tenant_id = $1 AND event = \'customer.created\'',
      [tenant.tenantId],
    );
    const report = await withTenantTransaction(t.db.pool, tenant.tenantId, verifyAuditChain);
    expect(report.firstBrokenSeq).not.toBeNull();
  });
});
