import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimImportJob, ImportRunner } from '../../src/server/modules/master-io/import-runner';
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
import { commitImport, excelCsv, previewFile } from '../support/master-import';

let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

const query = async <Row>(text: string, values: unknown[] = []) =>
  withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
    const { rows } = await tx.client.query(text, values);
    return rows as Row[];
  });

describe('得意先の取り込み (CSV)', () => {
  it('imports a CP932 CSV exported from Excel with the exact stored values', async () => {
    const file = excelCsv([
      '得意先コード,得意先名,フリガナ,敬称,郵便番号,住所1,電話番号,締日,回収月,回収日,回収方法,掛け率,与信限度額,使用区分',
      '00123,㈱髙橋商店,ﾀｶﾊｼｼｮｳﾃﾝ,御中,０１２－３４５６,"東京都港区芝1-2-3, 5F",03-1234-5678,15・末,翌月,末,振込,"９５.５","1,000,000",使用する',
      '00124,ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ,,様,,,0120-000-111,20,翌々月,10,現金,,,使用しない',
    ]);
    const preview = await previewFile(t, tenant.adminCookie, 'customers', file, {
      fileName: '得意先.csv',
    });
    expect(preview).toMatchObject({
      stage: 'preview',
      state: 'succeeded',
      format: 'csv',
      encoding: 'cp932',
      hasHeader: true,
      totalRows: 2,
      createCount: 2,
      updateCount: 0,
      errorCount: 0,
    });
    expect(preview.preview.rows[0]?.slice(0, 3)).toEqual(['00123', '㈱髙橋商店', 'ﾀｶﾊｼｼｮｳﾃﾝ']);
    expect(await query('SELECT 1 FROM app.customers')).toHaveLength(0);

    const done = await commitImport(t, tenant.adminCookie, 'customers', preview.jobId);
    expect(done).toMatchObject({ stage: 'import', state: 'succeeded', progress: 100 });

    const rows = await query<Record<string, unknown>>(
      `SELECT code, name, kana, honorific, postal_code, address1, phone, closing_days,
              payment_months_after, payment_day, payment_method, rate_percent::text,
              credit_limit::text, is_active
         FROM app.customers ORDER BY code`,
    );
    expect(rows).toEqual([
      {
        code: '00123',
        name: '㈱髙橋商店',
        kana: 'ﾀｶﾊｼｼｮｳﾃﾝ',
        honorific: '御中',
        postal_code: '012-3456',
        address1: '東京都港区芝1-2-3, 5F',
        phone: '03-1234-5678',
        closing_days: [15, 31],
        payment_months_after: 1,
        payment_day: 31,
        payment_method: 'transfer',
        rate_percent: '95.50',
        credit_limit: '1000000',
        is_active: true,
      },
      {
        code: '00124',
        name: 'ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ',
        kana: '',
        honorific: '様',
        postal_code: '',
        address1: '',
        phone: '0120-000-111',
        closing_days: [20],
        payment_months_after: 2,
        payment_day: 10,
        payment_method: 'cash',
        rate_percent: '100.00',
        credit_limit: null,
        is_active: false,
      },
    ]);
    // The file is dropped once done; one audit event, one detail row per record.
    const [job] = await query<{ file: Buffer | null }>(
      'SELECT file FROM app.import_jobs WHERE job_id = $1',
      [preview.jobId],
    );
    expect(job?.file).toBeNull();
    const audit = await query<{ event: string; after: Record<string, unknown> }>(
      `SELECT event, after FROM app.audit_log WHERE event = 'customer.imported'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ created: 2, updated: 0, records: 2 });
    const details = await query<{ action: string; after: Record<string, string> }>(
      'SELECT action, after FROM app.import_job_records WHERE job_id = $1 ORDER BY line',
      [preview.jobId],
    );
    expect(details.map((d) => [d.action, d.after.得意先コード])).toEqual([
      ['create', '00123'],
      ['create', '00124'],
    ]);
    const chain = await withTenantTransaction(t.db.pool, tenant.tenantId, verifyAuditChain);
    expect(chain.firstBrokenSeq).toBeNull();
  });

  it('shows row errors in Japanese in the preview and refuses to import them', async () => {
    const file = excelCsv([
      '得意先コード,得意先名,締日,回収方法,請求先コード',
      'E-1,正常な行,末,振込,',
      'E-1,コード重複,末,振込,',
      'E-3,,末,振込,',
      'E-4,締日が変,32,振込,',
      'E-5,方法が変,末,ポイント,',
      'E-6,請求先なし,末,振込,NOPE',
      '00123,既存コード,末,振込,',
    ]);
    const preview = await previewFile(t, tenant.adminCookie, 'customers', file);
    expect(preview.state).toBe('succeeded');
    expect(preview.errorCount).toBe(6);
    const lines = preview.errors.map((e) => `行 ${e.line}: ${e.message}`);
    expect(lines).toEqual([
      '行 3: 得意先コード「E-1」が重複しています（行 2 と同じ）',
      '行 4: 名称を入力してください',
      '行 5: 締日は1〜28日または末日を指定してください',
      '行 6: 「回収方法」は 振込・現金・手形・口座振替・小切手・相殺 のいずれかを入力してください',
      '行 7: 請求先コード「NOPE」の得意先が見つかりません',
      '行 8: この得意先コードは既に登録されています（「追加と更新」を選ぶと上書きできます）',
    ]);
    expect(preview.errors.map((e) => e.column)).toEqual([
      '得意先コード',
      '得意先名',
      '締日',
      '回収方法',
      '請求先コード',
      '得意先コード',
    ]);
    const commit = await api(t, tenant.adminCookie).post(
      `/api/v1/customers/imports/${preview.jobId}/commit`,
    );
    expect(commit.statusCode).toBe(409);
    expect(commit.json().code).toBe('import_job_not_ready');
  });

  it('resolves 請求先 to a customer later in the same file, and updates in 追加と更新', async () => {
    const file = excelCsv([
      '得意先コード,得意先名,請求先コード',
      'B-1,支店,B-2',
      'B-2,本社,',
      '00123,髙橋商店（更新）,B-2',
    ]);
    const preview = await previewFile(t, tenant.adminCookie, 'customers', file, { mode: 'upsert' });
    expect(preview).toMatchObject({ errorCount: 0, createCount: 2, updateCount: 1 });
    const done = await commitImport(t, tenant.adminCookie, 'customers', preview.jobId);
    expect(done.state).toBe('succeeded');
    const rows = await query<{
      code: string;
      name: string;
      bill_to: string | null;
      version: number;
      kana: string;
    }>(
      `SELECT c.code, c.name, b.code AS bill_to, c.version, c.kana FROM app.customers c
         LEFT JOIN app.customers b ON b.tenant_id = c.tenant_id AND b.customer_id = c.bill_to_customer_id
        WHERE c.code IN ('B-1', 'B-2', '00123') ORDER BY c.code`,
    );
    expect(rows).toEqual([
      // Columns the file leaves out keep their stored values on update.
      { code: '00123', name: '髙橋商店（更新）', bill_to: 'B-2', version: 2, kana: 'ﾀｶﾊｼｼｮｳﾃﾝ' },
      { code: 'B-1', name: '支店', bill_to: 'B-2', version: 1, kana: '' },
      { code: 'B-2', name: '本社', bill_to: null, version: 1, kana: '' },
    ]);
  });

  it('needs 修正 as well as 登録 for 追加と更新', async () => {
    const clerk = await createUser(t, tenant, {
      loginId: 'import-clerk',
      permissions: ['customers:view', 'customers:create'],
    });
    const file = excelCsv(['得意先コード,得意先名', 'P-1,権限']);
    const upsert = await api(t, clerk.cookie).post('/api/v1/customers/imports', {
      fileName: 'a.csv',
      data: file.toString('base64'),
      mode: 'upsert',
    });
    expect(upsert.statusCode).toBe(403);
    const create = await previewFile(t, clerk.cookie, 'customers', file);
    expect(create.errorCount).toBe(0);
  });

  it('reads a file without a header row in the template order', async () => {
    const file = excelCsv(['H-1,見出しなし,ミダシナシ']);
    const preview = await previewFile(t, tenant.adminCookie, 'customers', file);
    expect(preview).toMatchObject({ hasHeader: false, createCount: 1, errorCount: 0 });
    expect(preview.preview.rows[0]?.slice(0, 3)).toEqual(['H-1', '見出しなし', 'ミダシナシ']);
    const forced = await previewFile(t, tenant.adminCookie, 'customers', file, {
      hasHeader: 'yes',
    });
    expect(forced).toMatchObject({ hasHeader: true, totalRows: 0, createCount: 0 });
  });

  it('saves nothing when row 9,000 of 10,000 fails while writing, and says why', async () => {
    // A fault only the database sees (validation passed): the whole import must roll back.
    await t.db.superuser.query(`
      CREATE FUNCTION app.test_refuse_bad_code() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.code = 'AON-09000' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_refuse_bad_code BEFORE INSERT ON app.customers
        FOR EACH ROW EXECUTE FUNCTION app.test_refuse_bad_code();`);
    try {
      const lines = ['得意先コード,得意先名'];
      for (let i = 1; i <= 10_000; i++) lines.push(`AON-${String(i).padStart(5, '0')},一括${i}`);
      const preview = await previewFile(t, tenant.adminCookie, 'customers', excelCsv(lines));
      expect(preview).toMatchObject({ errorCount: 0, createCount: 10_000 });
      const auditBefore = await query<{ n: number }>(
        'SELECT count(*)::int AS n FROM app.audit_log',
      );
      const done = await commitImport(t, tenant.adminCookie, 'customers', preview.jobId);
      expect(done.state).toBe('failed');
      expect(done.failure).toBe('取り込み中にエラーが発生しました。何も保存されていません。');
      expect(await query(`SELECT 1 FROM app.customers WHERE code LIKE 'AON-%'`)).toHaveLength(0);
      expect(
        await query('SELECT 1 FROM app.import_job_records WHERE job_id = $1', [preview.jobId]),
      ).toHaveLength(0);
      expect(await query<{ n: number }>('SELECT count(*)::int AS n FROM app.audit_log')).toEqual(
        auditBefore,
      );
      const [job] = await query<{ file: Buffer | null }>(
        'SELECT file FROM app.import_jobs WHERE job_id = $1',
        [preview.jobId],
      );
      expect(job?.file).toBeNull();
    } finally {
      await t.db.superuser.query(
        'DROP TRIGGER test_refuse_bad_code ON app.customers; DROP FUNCTION app.test_refuse_bad_code();',
      );
    }
  });

  it('fails the import, saving nothing, when the data changed after the preview', async () => {
    const file = excelCsv(['得意先コード,得意先名', 'RACE-1,先に確認', 'RACE-2,後から登録される']);
    const preview = await previewFile(t, tenant.adminCookie, 'customers', file);
    expect(preview.errorCount).toBe(0);
    const created = await api(t, tenant.adminCookie).post('/api/v1/customers', {
      code: 'RACE-2',
      name: '画面から登録',
    });
    expect(created.statusCode).toBe(201);
    const done = await commitImport(t, tenant.adminCookie, 'customers', preview.jobId);
    expect(done.state).toBe('failed');
    expect(done.failure).toMatch(/^プレビューの後にデータが変わり/);
    expect(done.errors[0]).toMatchObject({ line: 3, column: '得意先コード' });
    expect(await query(`SELECT 1 FROM app.customers WHERE code = 'RACE-1'`)).toHaveLength(0);
  });

  it('numbers empty codes under 自動採番, after the codes the file itself brings', async () => {
    const numbering = await api(t, tenant.adminCookie).get('/api/v1/settings/code-numbering');
    const customers = numbering
      .json()
      .items.find((item: { kind: string }) => item.kind === 'customers');
    const put = await api(t, tenant.adminCookie).put('/api/v1/settings/code-numbering', {
      items: [{ kind: 'customers', isAuto: true, width: 6, version: customers.version }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const file = excelCsv(['得意先コード,得意先名', ',自動1', '000050,手入力', ',自動2']);
    const preview = await previewFile(t, tenant.adminCookie, 'customers', file);
    expect(preview).toMatchObject({ errorCount: 0, createCount: 3 });
    expect((await commitImport(t, tenant.adminCookie, 'customers', preview.jobId)).state).toBe(
      'succeeded',
    );
    const rows = await query<{ code: string; name: string }>(
      `SELECT code, name FROM app.customers WHERE name IN ('自動1', '手入力', '自動2') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: '000050', name: '手入力' },
      { code: '000051', name: '自動1' },
      { code: '000052', name: '自動2' },
    ]);
  });
});

describe('取り込みジョブの実行', () => {
  it('two runners never run one job: exactly one claims it', async () => {
    const jobId = '01900000-0000-7000-8000-00000000c1a1';
    await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
      const { rows } = await tx.client.query<{ user_id: string }>(
        `SELECT user_id FROM app.users WHERE login_id = 'admin'`,
      );
      await tx.client.query(
        `INSERT INTO app.import_jobs (tenant_id, job_id, master, mode, file_name, file, header_option,
                                      created_by, actor)
         VALUES ($1, $2, 'customers', 'create', 'claim.csv', $3, 'auto', $4, $5)`,
        [
          tenant.tenantId,
          jobId,
          excelCsv(['得意先コード,得意先名', 'CLAIM-1,一度だけ']),
          rows[0]!.user_id,
          JSON.stringify({
            tenantId: tenant.tenantId,
            userId: rows[0]!.user_id,
            actorLabel: 'admin',
            ip: '127.0.0.1',
            userAgent: 'vitest',
            requestId: 'claim',
          }),
        ],
      );
    });
    const first = new ImportRunner(t.db.pool, t.app.log);
    const second = new ImportRunner(t.db.pool, t.app.log);
    const claims = await Promise.all([
      claimImportJob(t.db.pool, tenant.tenantId, jobId, first.runnerId),
      claimImportJob(t.db.pool, tenant.tenantId, jobId, second.runnerId),
    ]);
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    // A running job is not claimed again, by either runner.
    expect(await first.run(tenant.tenantId, jobId)).toBe(false);
    expect(await second.run(tenant.tenantId, jobId)).toBe(false);

    // Back in the queue: both runners race, one runs the preview, the other gets nothing.
    await withTenantTransaction(t.db.pool, tenant.tenantId, (tx) =>
      tx.client.query(`UPDATE app.import_jobs SET state = 'queued' WHERE job_id = $1`, [jobId]),
    );
    const ran = await Promise.all([
      first.run(tenant.tenantId, jobId),
      second.run(tenant.tenantId, jobId),
    ]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    const [job] = await query<{ state: string; runner_id: string; create_count: number }>(
      'SELECT state, runner_id, create_count FROM app.import_jobs WHERE job_id = $1',
      [jobId],
    );
    expect(job).toMatchObject({ state: 'succeeded', create_count: 1 });
    expect([first.runnerId, second.runnerId]).toContain(job?.runner_id);
  });

  it('answers the job on every poll without reading the uploaded file back', async () => {
    const job = await previewFile(
      t,
      tenant.adminCookie,
      'customers',
      excelCsv(['得意先コード,得意先名', 'P-1,ポーリング商事']),
    );
    const sent: string[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as string | { text?: string };
      sent.push(typeof config === 'string' ? config : (config?.text ?? ''));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      const response = await api(t, tenant.adminCookie).get(
        `/api/v1/customers/imports/${job.jobId}`,
      );
      expect(response.statusCode, response.body).toBe(200);
    } finally {
      pg.Client.prototype.query = query;
    }
    const jobReads = sent.filter((text) => text.includes('"import_jobs"'));
    expect(jobReads.length).toBeGreaterThan(0);
    // The screen polls several times a second; a 17 MB file read each time cost more than the import.
    for (const text of jobReads) expect(text).not.toMatch(/"file"/);
  });

  it('refuses a file over the size limit with a Japanese problem', async () => {
    const response = await api(t, tenant.adminCookie).post('/api/v1/customers/imports', {
      fileName: 'empty.csv',
      data: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('import_file_empty');
  });

  it('fails the preview of a file that is not CSV or XLSX text with a reason', async () => {
    const preview = await previewFile(
      t,
      tenant.adminCookie,
      'customers',
      Buffer.from('得意先コード,得意先名\r\n"閉じていない,引用符\r\n', 'utf8'),
    );
    expect(preview.state).toBe('failed');
    expect(preview.failure).toMatch(/^ファイルを読み取れませんでした（\d+行目付近）/);
  });
});
