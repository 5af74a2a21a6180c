import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit/verify-audit-chain';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** 操作ログ for org admins: filters in JST, keyset paging, CSV bytes as a spreadsheet sees them. */
let t: TestApp;
let tenant: TestTenant;

/** Appends through the same chain function the app uses, at a chosen instant. */
async function append(
  occurredAt: string,
  fields: { event?: string; actorLabel?: string; targetId?: string; after?: unknown } = {},
) {
  await t.db.superuser.query(
    `SELECT app.append_audit($1, $2, NULL, $3, $4, 'customer', $5, '192.0.2.1', 'test', 'req', NULL, $6)`,
    [
      tenant.tenantId,
      occurredAt,
      fields.actorLabel ?? 'seed',
      fields.event ?? 'customer.updated',
      fields.targetId ?? 'C1',
      JSON.stringify(fields.after ?? { name: '株式会社テスト' }),
    ],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
  // 2026-03-31 23:59:59 JST and 2026-04-01 00:00:00 JST, one second apart across midnight.
  await append('2026-03-31T14:59:59Z', { targetId: 'MARCH' });
  await append('2026-03-31T15:00:00Z', { targetId: 'APRIL' });
  await append('2026-04-02T03:00:00Z', {
    event: 'customer.created',
    actorLabel: '=HYPERLINK("http://evil")',
    targetId: '-1+2',
    after: { name: '𠮷野家 "本店"', note: '改行\nあり' },
  });
});
afterAll(() => t.close());

const list = (query: string) => api(t, tenant.adminCookie).get(`/api/v1/audit-log?${query}`);

describe('audit log list', () => {
  it('filters whole days in Japan time and shows +09:00 timestamps', async () => {
    const april1 = (await list('from=2026-04-01&to=2026-04-01&targetType=customer')).json();
    expect(april1.items.map((e: { targetId: string }) => e.targetId)).toEqual(['APRIL']);
    expect(april1.items[0].occurredAt).toBe('2026-04-01T00:00:00.000+09:00');
    const march31 = (await list('to=2026-03-31&targetType=customer')).json();
    expect(march31.items.map((e: { targetId: string }) => e.targetId)).toEqual(['MARCH']);
    expect(march31.items[0].occurredAt).toBe('2026-03-31T23:59:59.000+09:00');
  });

  it('filters by event, user and target and includes before/after', async () => {
    const created = (await list('event=customer.created')).json();
    expect(created.items).toHaveLength(1);
    expect(created.items[0]).toMatchObject({
      eventLabel: '得意先を登録',
      after: { name: '𠮷野家 "本店"' },
    });
    const admin = (await list('event=auth.login_succeeded')).json().items[0];
    const byAdmin = (await list(`actorUserId=${admin.actorUserId}`)).json();
    expect(byAdmin.items.length).toBeGreaterThan(0);
    expect(byAdmin.items.every((e: { actorLabel: string }) => e.actorLabel === 'admin')).toBe(true);
    expect((await list('targetId=MARCH')).json().items).toHaveLength(1);
    const bad = await list('from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('YYYY-MM-DD');
    expect((await list('from=2026-04-02&to=2026-04-01')).statusCode).toBe(400);
  });

  it('pages newest first with a keyset cursor, without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { seq: number }[]; nextCursor: string | null } = (
        await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((e: { seq: number }) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    const { rows } = await t.db.superuser.query(
      'SELECT seq FROM app.audit_log WHERE tenant_id = $1 ORDER BY seq DESC',
      [tenant.tenantId],
    );
    expect(seen).toEqual(rows.map((r) => Number(r.seq)));
  });
});

async function exportCsv(query: string) {
  const response = await api(t, tenant.adminCookie).get(`/api/v1/audit-log/export?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

describe('audit log CSV export', () => {
  it('writes UTF-8 with BOM, CRLF, JST timestamps and neutralised formulas', async () => {
    const response = await exportCsv('encoding=utf8&from=2026-04-02&to=2026-04-02');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-/);
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '"日時(JST)","連番","操作","イベント","ログインID","担当者名","対象種別","対象ID","IPアドレス","ユーザーエージェント","リクエストID","変更前","変更後"',
    );
    expect(lines[1]).toMatch(
      /^"2026-04-02T12:00:00\.000\+09:00","\d+","得意先を登録","customer\.created",/,
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain(`"'-1+2"`);
    expect(text).toContain('𠮷野家');
    expect(text.endsWith('\r\n')).toBe(true);
    // The JSON's own "\n" escape stays inside the cell: one record, one line.
    expect(lines.filter((l) => l.length > 0)).toHaveLength(2);
  });

  it('writes Shift_JIS (CP932) with 〓 where the character does not exist, never ?', async () => {
    const response = await exportCsv('encoding=cp932&event=customer.created');
    expect(response.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    const bytes = response.rawPayload;
    expect(bytes[0]).toBe(0x22); // no BOM: starts with the header's opening quote
    const text = iconv.decode(bytes, 'cp932');
    expect(text).toContain('"日時(JST)"');
    expect(text).toContain('〓野家');
    expect(text).toContain('得意先を登録');
    expect(text).not.toContain('?野家');
  });

  it('records the export itself with its filters and encoding', async () => {
    await exportCsv('encoding=cp932&targetId=MARCH');
    const { rows } = await t.db.superuser.query(
      `SELECT actor_label, after FROM app.audit_log
        WHERE tenant_id = $1 AND event = 'audit_log.exported' ORDER BY seq DESC LIMIT 1`,
      [tenant.tenantId],
    );
    expect(rows[0]).toMatchObject({
      actor_label: 'admin',
      after: { encoding: 'cp932', filter: { targetId: 'MARCH' } },
    });
  });

  it('streams a log larger than one batch completely and in order, chain intact', async () => {
    await t.db.superuser.query(
      `SELECT app.append_audit($1, now(), NULL, 'bulk', 'customer.updated', 'customer',
              'BULK' || g, NULL, NULL, NULL, NULL, NULL)
         FROM generate_series(1, 2300) g`,
      [tenant.tenantId],
    );
    const response = await exportCsv('encoding=utf8&targetType=customer');
    const records = response.rawPayload
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter((l) => l.length > 0)
      .slice(1);
    expect(records).toHaveLength(2303);
    const seqs = records.map((r) => Number(r.split(',')[1]?.replaceAll('"', '')));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(2303);
    const report = await withTenantTransaction(t.db.pool, tenant.tenantId, verifyAuditChain);
    expect(report.firstBrokenSeq).toBeNull();
  });
});
