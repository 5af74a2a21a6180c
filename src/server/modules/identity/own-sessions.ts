import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import { type ActorContext, type Principal, sessionIdOf } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { tenantSettings } from '../settings/tenant-settings.table';
import type { OwnSessionList } from './session.schema';
import { sessions } from './session.table';
import { revokeSessions } from './user-guards';

/** Live sessions only: the same conditions as authenticateSession, so the list tells the truth. */
export async function listOwnSessions(
  tx: TenantTransaction,
  principal: Principal,
): Promise<OwnSessionList> {
  const rows = await tx.db
    .select({
      sessionId: sessions.sessionId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .innerJoin(tenantSettings, eq(tenantSettings.tenantId, sessions.tenantId))
    .where(
      and(
        eq(sessions.tenantId, tx.tenantId),
        eq(sessions.userId, principal.userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        sql`${sessions.lastSeenAt} > now() - make_interval(mins => ${tenantSettings.idleTimeoutMinutes})`,
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return {
    items: rows.map((row) => ({
      sessionId: row.sessionId,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      ip: row.ip ?? '',
      userAgent: row.userAgent ?? '',
      current: row.sessionId === principal.sessionId,
    })),
  };
}

/** Ends one of the user's other sessions; the current one ends by signing out. */
export async function revokeOwnSession(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  sessionId: string,
): Promise<void> {
  if (sessionId === principal.sessionId) throw new AppError('session_is_current');
  const revoked = await tx.db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.tenantId, tx.tenantId),
        eq(sessions.userId, principal.userId),
        eq(sessions.sessionId, sessionId),
        isNull(sessions.revokedAt),
      ),
    )
    .returning({ sessionId: sessions.sessionId });
  if (revoked.length === 0) throw new AppError('not_found');
  await writeAudit(tx, actor, {
    event: 'auth.session_revoked',
    targetType: 'session',
    targetId: sessionId,
  });
}

export async function revokeOtherOwnSessions(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
): Promise<{ ended: number }> {
  const ended = await revokeSessions(tx, principal.userId, sessionIdOf(principal));
  await writeAudit(tx, actor, {
    event: 'auth.session_revoked',
    targetType: 'user',
    targetId: principal.userId,
    after: { otherSessionsEnded: ended },
  });
  return { ended };
}
