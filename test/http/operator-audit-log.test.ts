import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOperatorAudit } from '../../src/server/modules/operators/write-operator-audit';
import { withOperatorTransaction } from '../../src/server/platform/db/operator-transaction';
import { api, createSignedInOperator, createTestApp, type TestApp } from '../support/app';

/** 運用操作ログ in the console: keyset pages of 100, filters by operator and by action. */
let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = (await createSignedInOperator(t, 'ops-log')).cookie;
  const other = await createSignedInOperator(t, 'ops-other');
  const operatorId = (await api(t, other.cookie).get('/api/ops/v1/auth/me')).json().operatorId;
  // 230 entries by another operator, interleaved with two kinds of action.
  await withOperatorTransaction(t.db.pool, async (tx) => {
    for (let i = 0; i < 230; i++) {
      await writeOperatorAudit(
        tx,
        {
          operatorId,
          actorLabel: '運用者 ops-other',
          ip: '10.0.0.1',
          userAgent: 'x',
          requestId: `r${i}`,
        },
        {
          event: i % 3 === 0 ? 'tenant.seat_limit_changed' : 'inquiry.answered',
          targetType: 'probe',
          targetId: String(i),
        },
      );
    }
  });
});
afterAll(() => t.close());

type Page = {
  items: { seq: number; event: string; actorLabel: string }[];
  nextBefore: number | null;
};

async function allPages(
  query: string,
): Promise<{ pages: number; seqs: number[]; items: Page['items'] }> {
  const items: Page['items'] = [];
  let before: number | null | undefined;
  let pages = 0;
  do {
    const url = `/api/ops/v1/audit-log?${query}${before ? `&before=${before}` : ''}`;
    const response = await api(t, cookie).get(url);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Page;
    expect(page.items.length).toBeLessThanOrEqual(100);
    items.push(...page.items);
    before = page.nextBefore;
    pages++;
  } while (before && pages < 20);
  return { pages, seqs: items.map((i) => i.seq), items };
}

describe('operator log paging', () => {
  it('walks the whole log newest first without gaps or repeats', async () => {
    const { total } = await withOperatorTransaction(t.db.pool, async (tx) => {
      const { rows } = await tx.client.query<{ total: number }>(
        'SELECT count(*)::int AS total FROM app.operator_audit_log',
      );
      return rows[0] as { total: number };
    });
    expect(total).toBeGreaterThan(230);
    const { pages, seqs } = await allPages('');
    expect(pages).toBe(Math.ceil(total / 100));
    expect(seqs).toHaveLength(total);
    expect(new Set(seqs).size).toBe(total);
    expect([...seqs].sort((x, y) => y - x)).toEqual(seqs);
  });

  it('filters by action and by operator, paging within the filter', async () => {
    const seat = await allPages('event=tenant.seat_limit_changed');
    expect(seat.items).toHaveLength(77);
    expect(new Set(seat.items.map((i) => i.event))).toEqual(new Set(['tenant.seat_limit_changed']));

    const operators = (await api(t, cookie).get('/api/ops/v1/operators')).json().items as {
      operatorId: string;
      loginId: string;
      mfaEnabled: boolean;
    }[];
    expect(operators.map((o) => o.loginId)).toEqual(['ops-log', 'ops-other']);
    expect(operators.every((o) => o.mfaEnabled)).toBe(true);
    const other = operators.find((o) => o.loginId === 'ops-other');
    const byOther = await allPages(`operatorId=${other?.operatorId}&event=inquiry.answered`);
    expect(byOther.items).toHaveLength(153);
    expect(byOther.pages).toBe(2);

    const unknownEvent = await api(t, cookie).get('/api/ops/v1/audit-log?event=no.such');
    expect(unknownEvent.statusCode).toBe(400);
  });
});
