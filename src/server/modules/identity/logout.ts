import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import { type ActorContext, type Principal, sessionIdOf } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { sessions } from './session.table';

export async function logout(tx: TenantTransaction, principal: Principal, actor: ActorContext) {
  await tx.db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tenantId, tx.tenantId), eq(sessions.sessionId, sessionIdOf(principal))));
  await writeAudit(tx, actor, {
    event: 'auth.logout',
    targetType: 'session',
    targetId: sessionIdOf(principal),
  });
}
