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
import { makeJpegHeader, makePng } from '../support/images';
import { sampleBankAccount } from '../support/route-samples';

/** 自社情報, 振込先, logo/seal images, 帳票設定 and 伝票入力チェック through the API. */
let t: TestApp;
let tenant: TestTenant;
let other: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
  other = await createSignedInTenant(t);
});
afterAll(() => t.close());

async function audits(tenantId: string, event: string) {
  return withTenantTransaction(t.db.pool, tenantId, async (tx) => {
    const { rows } = await tx.client.query(
      'SELECT target_id, before, after FROM app.audit_log WHERE event = $1 ORDER BY seq',
      [event],
    );
    return rows as { target_id: string; before: unknown; after: Record<string, unknown> }[];
  });
}

const profile = {
  companyName: 'あきない商事株式会社',
  companyKana: 'アキナイショウジ',
  representativeTitle: '代表取締役',
  representativeName: '山田 太郎',
  postalCode: '100-0001',
  address1: '東京都千代田区千代田1-1',
  address2: 'あきないビル5F',
  phone: '03-1234-5678',
  fax: '03-1234-5679',
  email: 'info@akinai.example.jp',
  url: 'https://akinai.example.jp',
};

const upload = (bytes: Buffer, contentType = 'image/png') => ({
  contentType,
  data: bytes.toString('base64'),
});

describe('自社情報', () => {
  it('starts empty at version 0, saves, then needs the version it read', async () => {
    const admin = api(t, tenant.adminCookie);
    const empty = (await admin.get('/api/v1/company/profile')).json();
    expect(empty).toMatchObject({ companyName: '', version: 0, updatedAt: null });
    expect(empty.images).toEqual({ logo: null, seal: null });

    const saved = await admin.put('/api/v1/company/profile', {
      ...profile,
      registrationNumber: 'ｔ７１２３ ４５６７ ８９０１２',
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      ...profile,
      registrationNumber: 'T7123456789012',
      registrationNumberWarning: null,
      version: 1,
    });

    const stale = await admin.put('/api/v1/company/profile', { ...profile, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const [first] = await audits(tenant.tenantId, 'company.profile_updated');
    expect(first?.before).toMatchObject({ companyName: '', registrationNumber: '' });
    expect(first?.after).toMatchObject({
      companyName: profile.companyName,
      registrationNumber: 'T7123456789012',
    });
  });

  it('saves a number whose check digit fails, with a warning, and refuses a malformed one', async () => {
    const admin = api(t, tenant.adminCookie);
    const { version } = (await admin.get('/api/v1/company/profile')).json();
    const warned = await admin.put('/api/v1/company/profile', {
      ...profile,
      registrationNumber: 'T1123456789012',
      version,
    });
    expect(warned.statusCode, warned.body).toBe(200);
    expect(warned.json().registrationNumber).toBe('T1123456789012');
    expect(warned.json().registrationNumberWarning).toMatch(/チェックデジット/);
    const changes = await audits(tenant.tenantId, 'company.profile_updated');
    expect(changes.at(-1)).toMatchObject({
      before: { registrationNumber: 'T7123456789012' },
      after: { registrationNumber: 'T1123456789012' },
    });

    const malformed = await admin.put('/api/v1/company/profile', {
      ...profile,
      registrationNumber: 'T12345',
      version: version + 1,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toContainEqual({
      path: 'registrationNumber',
      message: '登録番号は「T」と13桁の数字で入力してください（例：T1234567890123）',
    });
    const noName = await admin.put('/api/v1/company/profile', {
      ...profile,
      companyName: ' ',
      url: 'javascript:alert(1)',
      version: version + 1,
    });
    expect(noName.statusCode).toBe(400);
    expect(
      noName
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['companyName', 'url']);
  });

  it('lets 参照 read and only 修正 change; another tenant sees its own empty profile', async () => {
    const viewer = await createUser(t, tenant, {
      loginId: 'cviewer',
      permissions: ['settings:view'],
    });
    const read = await api(t, viewer.cookie).get('/api/v1/company/profile');
    expect(read.statusCode).toBe(200);
    expect(read.json().companyName).toBe(profile.companyName);
    const write = await api(t, viewer.cookie).put('/api/v1/company/profile', {
      ...profile,
      version: read.json().version,
    });
    expect(write.statusCode).toBe(403);

    const theirs = (await api(t, other.adminCookie).get('/api/v1/company/profile')).json();
    expect(theirs).toMatchObject({ companyName: '', version: 0 });
  });
});

describe('ロゴ・角印', () => {
  it('stores a PNG, serves it back with safe headers and an ETag, and answers 304 when unchanged', async () => {
    const admin = api(t, tenant.adminCookie);
    const png = makePng(240, 80);
    const put = await admin.put('/api/v1/company/images/logo', upload(png));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      contentType: 'image/png',
      width: 240,
      height: 80,
      byteSize: png.length,
    });

    const got = await admin.get('/api/v1/company/images/logo');
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toBe('inline; filename="logo.png"');
    expect(got.headers['cache-control']).toBe('private, no-cache');
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(got.headers.etag).toBe(`"${put.json().etag}"`);
    expect(Buffer.compare(got.rawPayload, png)).toBe(0);

    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/company/images/logo',
      headers: { cookie: tenant.adminCookie, 'if-none-match': got.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    const info = (await admin.get('/api/v1/company/profile')).json().images;
    expect(info.logo).toMatchObject({ width: 240, etag: put.json().etag });
    expect(info.seal).toBeNull();

    const [audit] = await audits(tenant.tenantId, 'company.image_uploaded');
    expect(audit).toMatchObject({ target_id: 'logo', after: { sha256: put.json().etag } });
    expect(JSON.stringify(audit)).not.toContain(png.toString('base64').slice(0, 40));
  });

  it('refuses a PNG sent as JPEG, garbage behind a PNG signature, text, and oversized pixels', async () => {
    const admin = api(t, tenant.adminCookie);
    const mismatch = await admin.put(
      '/api/v1/company/images/seal',
      upload(makePng(50, 50), 'image/jpeg'),
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ code: 'image_type_mismatch' });
    expect(mismatch.json().detail).toMatch(/PNG/);

    const fakePng = Buffer.concat([
      makePng(1, 1).subarray(0, 16),
      Buffer.from('<svg onload=alert(1)>'),
    ]);
    const fake = await admin.put('/api/v1/company/images/seal', upload(fakePng));
    expect(fake.json()).toMatchObject({ status: 400, code: 'image_invalid' });

    const polyglot = Buffer.concat([makePng(2, 2), Buffer.from('<html><script>x()</script>')]);
    expect((await admin.put('/api/v1/company/images/seal', upload(polyglot))).json().code).toBe(
      'image_invalid',
    );
    const html = Buffer.from('<html>hello</html>');
    expect(
      (await admin.put('/api/v1/company/images/seal', upload(html, 'image/jpeg'))).json().code,
    ).toBe('image_invalid');

    const huge = await admin.put('/api/v1/company/images/seal', upload(makePng(2500, 10)));
    expect(huge.statusCode).toBe(400);
    expect(huge.json().code).toBe('image_dimensions_exceeded');
    expect(huge.json().detail).toContain('2500×10');

    const notBase64 = await admin.put('/api/v1/company/images/seal', {
      contentType: 'image/png',
      data: '***',
    });
    expect(notBase64.statusCode).toBe(400);
    expect((await admin.get('/api/v1/company/images/seal')).statusCode).toBe(404);
  });

  it('accepts a JPEG and serves it as image/jpeg', async () => {
    const admin = api(t, tenant.adminCookie);
    const jpeg = makeJpegHeader(400, 400);
    expect(
      (await admin.put('/api/v1/company/images/seal', upload(jpeg, 'image/jpeg'))).statusCode,
    ).toBe(200);
    const got = await admin.get('/api/v1/company/images/seal');
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['content-disposition']).toBe('inline; filename="seal.jpg"');
  });

  it('answers a body over the limit with 413 problem+json in Japanese, and a file over 1 MB too', async () => {
    const admin = api(t, tenant.adminCookie);
    const tooBigBody = await admin.put('/api/v1/company/images/logo', {
      contentType: 'image/png',
      data: 'A'.repeat(2_000_000),
    });
    expect(tooBigBody.statusCode).toBe(413);
    expect(tooBigBody.headers['content-type']).toContain('application/problem+json');
    expect(tooBigBody.json().title).toMatch(/大きすぎます/);

    // Just under the body limit, but the decoded file is over 1 MB.
    const justOver = Buffer.alloc(1_048_577);
    const overFile = await admin.put('/api/v1/company/images/logo', upload(justOver));
    expect(overFile.statusCode).toBe(413);
    expect(overFile.json()).toMatchObject({ code: 'image_too_large' });
    expect(overFile.json().title).toContain('1MB');
    // The earlier logo is untouched.
    expect((await admin.get('/api/v1/company/images/logo')).headers['content-type']).toBe(
      'image/png',
    );
  });

  it('replaces and deletes, with audit, and never shows one tenant the other tenant’s image', async () => {
    const admin = api(t, tenant.adminCookie);
    const replaced = await admin.put('/api/v1/company/images/logo', upload(makePng(10, 10)));
    expect(replaced.json().width).toBe(10);
    const uploads = await audits(tenant.tenantId, 'company.image_uploaded');
    expect(uploads.at(-1)?.before).toMatchObject({ width: 240 });

    expect((await api(t, other.adminCookie).get('/api/v1/company/images/logo')).statusCode).toBe(
      404,
    );
    expect(
      (await api(t, other.adminCookie).send('DELETE', '/api/v1/company/images/logo')).statusCode,
    ).toBe(404);

    const removed = await admin.send('DELETE', '/api/v1/company/images/logo');
    expect(removed.statusCode).toBe(204);
    expect((await admin.get('/api/v1/company/images/logo')).statusCode).toBe(404);
    expect(await audits(tenant.tenantId, 'company.image_deleted')).toEqual([
      expect.objectContaining({
        target_id: 'logo',
        before: expect.objectContaining({ width: 10 }),
      }),
    ]);
  });
});

describe('振込先', () => {
  it('adds accounts in 全銀 form, keeps exactly one default, and audits each change', async () => {
    const admin = api(t, other.adminCookie);
    const first = await admin.post('/api/v1/company/bank-accounts', {
      ...sampleBankAccount,
      accountNumber: '１２３４５',
      accountHolder: 'ｶ)ｱｷﾅｲｼﾖｳｼﾞ',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      accountNumber: '0012345',
      accountHolder: 'カ)アキナイシヨウジ',
      isDefault: true,
    });
    const second = await admin.post('/api/v1/company/bank-accounts', {
      ...sampleBankAccount,
      bankName: '三井住友銀行',
      bankCode: '0009',
      accountType: 'checking',
      sortOrder: 5,
      isDefault: true,
    });
    expect(second.json().isDefault).toBe(true);

    const list = (await admin.get('/api/v1/company/bank-accounts')).json().items;
    expect(
      list.map((a: { bankName: string; isDefault: boolean }) => [a.bankName, a.isDefault]),
    ).toEqual([
      ['三井住友銀行', true],
      ['みずほ銀行', false],
    ]);

    const deleted = await admin.send(
      'DELETE',
      `/api/v1/company/bank-accounts/${second.json().bankAccountId}?version=${second.json().version}`,
    );
    expect(deleted.statusCode).toBe(204);
    const remaining = (await admin.get('/api/v1/company/bank-accounts')).json().items;
    expect(remaining).toHaveLength(1);
    expect(remaining[0].isDefault).toBe(true);

    const events = await Promise.all(
      ['created', 'deleted'].map((verb) => audits(other.tenantId, `company.bank_account_${verb}`)),
    );
    expect(events[0]).toHaveLength(2);
    expect(events[1]?.[0]?.before).toMatchObject({ bankName: '三井住友銀行' });
  });

  it('edits with a version, refuses what a bank would refuse, and hides accounts across tenants', async () => {
    const admin = api(t, tenant.adminCookie);
    const created = (await admin.post('/api/v1/company/bank-accounts', sampleBankAccount)).json();
    const edited = await admin.put(`/api/v1/company/bank-accounts/${created.bankAccountId}`, {
      ...sampleBankAccount,
      branchName: '新宿支店',
      version: created.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const updates = await audits(tenant.tenantId, 'company.bank_account_updated');
    expect(updates.at(-1)).toMatchObject({
      before: { branchName: '東京営業部' },
      after: { branchName: '新宿支店' },
    });
    const stale = await admin.put(`/api/v1/company/bank-accounts/${created.bankAccountId}`, {
      ...sampleBankAccount,
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);

    const bad = await admin.post('/api/v1/company/bank-accounts', {
      ...sampleBankAccount,
      accountType: 'foreign',
      accountNumber: '12345678',
      accountHolder: 'カブシキガイシャ',
      bankCode: '12',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['accountHolder', 'accountNumber', 'accountType', 'bankCode']);

    const foreign = await api(t, other.adminCookie).put(
      `/api/v1/company/bank-accounts/${created.bankAccountId}`,
      { ...sampleBankAccount, version: 2 },
    );
    expect(foreign.statusCode).toBe(404);
    const theirs = (await api(t, other.adminCookie).get('/api/v1/company/bank-accounts')).json();
    expect(theirs.items.map((a: { bankAccountId: string }) => a.bankAccountId)).not.toContain(
      created.bankAccountId,
    );
  });
});

describe('帳票設定と伝票入力チェック', () => {
  it('lists every document type with defaults, saves one type, and enforces the invoice rules', async () => {
    const admin = api(t, tenant.adminCookie);
    const list = (await admin.get('/api/v1/company/print-settings')).json().items;
    expect(list.map((i: { documentType: string }) => i.documentType)).toEqual([
      'quote',
      'orderAcknowledgement',
      'deliveryNote',
      'invoice',
      'receipt',
      'purchaseOrder',
    ]);
    const invoice = list.find((i: { documentType: string }) => i.documentType === 'invoice');
    expect(invoice).toMatchObject({
      showBankAccounts: true,
      showRegistrationNumber: true,
      version: 0,
    });

    const { version: _, updatedAt: __, ...fields } = invoice;
    const saved = await admin.put('/api/v1/company/print-settings', {
      ...fields,
      title: '御請求書',
      footerNote: 'お振込手数料は貴社ご負担にてお願いいたします。',
      addressSource: 'department',
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      title: '御請求書',
      addressSource: 'department',
      version: 1,
    });
    const [audit] = await audits(tenant.tenantId, 'company.print_settings_updated');
    expect(audit).toMatchObject({
      target_id: 'invoice',
      before: { title: '', addressSource: 'company' },
      after: { title: '御請求書', addressSource: 'department' },
    });

    const refused = await admin.put('/api/v1/company/print-settings', {
      ...fields,
      showRegistrationNumber: false,
      footerNote: 'あ'.repeat(201),
      version: 1,
    });
    expect(refused.statusCode).toBe(400);
    expect(
      refused
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['footerNote', 'showRegistrationNumber']);
    const theirs = (await api(t, other.adminCookie).get('/api/v1/company/print-settings')).json();
    expect(theirs.items[3]).toMatchObject({ title: '', version: 0 });
  });

  it('lets any signed-in user read 伝票入力チェック and only 環境設定の修正 change it', async () => {
    const clerk = await createUser(t, tenant, {
      loginId: 'echeck',
      permissions: ['customers:view'],
    });
    const read = await api(t, clerk.cookie).get('/api/v1/company/entry-checks');
    expect(read.json()).toMatchObject({
      project: 'allow',
      quantity: 'warn',
      unitPrice: 'warn',
      version: 0,
    });
    const body = {
      project: 'warn',
      quantity: 'warn',
      unitPrice: 'block',
      cost: 'allow',
      version: 0,
    };
    expect((await api(t, clerk.cookie).put('/api/v1/company/entry-checks', body)).statusCode).toBe(
      403,
    );

    const saved = await api(t, tenant.adminCookie).put('/api/v1/company/entry-checks', body);
    expect(saved.json()).toMatchObject({ unitPrice: 'block', version: 1 });
    expect((await api(t, clerk.cookie).get('/api/v1/company/entry-checks')).json().unitPrice).toBe(
      'block',
    );
    const [audit] = await audits(tenant.tenantId, 'company.entry_checks_updated');
    expect(audit).toMatchObject({
      before: { project: 'allow', unitPrice: 'warn' },
      after: { project: 'warn', unitPrice: 'block' },
    });
    const wrong = await api(t, tenant.adminCookie).put('/api/v1/company/entry-checks', {
      ...body,
      cost: 'sometimes',
      version: 1,
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      (await api(t, other.adminCookie).get('/api/v1/company/entry-checks')).json().unitPrice,
    ).toBe('warn');
  });
});

describe('concurrent saves', () => {
  it('lets exactly one of two first saves of the profile through; the other gets 409', async () => {
    const fresh = await createSignedInTenant(t);
    const admin = api(t, fresh.adminCookie);
    const results = await Promise.all(
      ['一番', '二番'].map((name) =>
        admin.put('/api/v1/company/profile', { companyName: name, version: 0 }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await admin.get('/api/v1/company/profile')).json().version).toBe(1);
  });

  it('keeps one default 振込先 when several are marked default at once', async () => {
    const fresh = await createSignedInTenant(t);
    const admin = api(t, fresh.adminCookie);
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        admin.post('/api/v1/company/bank-accounts', {
          ...sampleBankAccount,
          sortOrder: n,
          isDefault: true,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const items = (await admin.get('/api/v1/company/bank-accounts')).json().items;
    expect(items.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
  });

  it('refuses the eleventh account, even when they arrive together', async () => {
    const fresh = await createSignedInTenant(t);
    const admin = api(t, fresh.adminCookie);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        admin.post('/api/v1/company/bank-accounts', { ...sampleBankAccount, sortOrder: n }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe(
      'bank_account_limit_reached',
    );
  });
});
