import { and, eq, ne, sql } from 'drizzle-orm';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { sessions } from './session.table';
import { users } from './user.table';

/**
 * Locks the tenant row for the rest of the transaction. Every change that adds an active user
 * or removes an active admin takes this lock before counting, so two concurrent requests
 * cannot both see the last free seat or both remove "another" admin.
 */
export async function lockTenant(tx: TenantTransaction): Promise<{ seatLimit: number }> {
  const { rows } = await tx.client.query<{ seat_limit: number }>(
    'SELECT seat_limit FROM app.tenants WHERE tenant_id = $1 FOR UPDATE',
    [tx.tenantId],
  );
  const row = rows[0];
  if (!row) throw new Error('signed-in tenant vanished inside its own transaction');
  return { seatLimit: row.seat_limit };
}

export async function tenantCode(tx: TenantTransaction): Promise<string> {
  const { rows } = await tx.client.query<{ code: string }>(
    'SELECT code FROM app.tenants WHERE tenant_id = $1',
    [tx.tenantId],
  );
  if (!rows[0]) throw new Error('signed-in tenant vanished inside its own transaction');
  return rows[0].code;
}

export async function countActiveUsers(tx: TenantTransaction): Promise<number> {
  const [row] = await tx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.tenantId, tx.tenantId), eq(users.isActive, true)));
  return row?.count ?? 0;
}

/** Call with the tenant locked, before a user becomes active. */
export async function assertSeatAvailable(tx: TenantTransaction, seatLimit: number) {
  if ((await countActiveUsers(tx)) >= seatLimit) {
    throw new AppError('seat_limit_reached', {
      detail: `契約の利用人数は${seatLimit}人です。`,
    });
  }
}

/** Call with the tenant locked, before `userId` stops being an active org admin. */
export async function assertAnotherActiveAdmin(tx: TenantTransaction, userId: string) {
  const [row] = await tx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tx.tenantId),
        eq(users.isActive, true),
        eq(users.isOrgAdmin, true),
        ne(users.userId, userId),
      ),
    );
  if ((row?.count ?? 0) === 0) throw new AppError('last_org_admin');
}

/** Ends the user's live sessions (all, or all but one); returns how many ended. */
export async function revokeSessions(
  tx: TenantTransaction,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  const revoked = await tx.db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.tenantId, tx.tenantId),
        eq(sessions.userId, userId),
        sql`${sessions.revokedAt} IS NULL`,
        exceptSessionId ? ne(sessions.sessionId, exceptSessionId) : undefined,
      ),
    )
    .returning({ sessionId: sessions.sessionId });
  return revoked.length;
}

export async function tenantName(tx: TenantTransaction): Promise<string> {
  const { rows } = await tx.client.query<{ name: string }>(
    'SELECT name FROM app.tenants WHERE tenant_id = $1',
    [tx.tenantId],
  );
  if (!rows[0]) throw new Error('tenant vanished inside its own transaction');
  return rows[0].name;
}
