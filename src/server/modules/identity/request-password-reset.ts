import { and, eq, isNull, sql } from 'drizzle-orm';
import type pg from 'pg';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import { withTenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { enqueueMail } from '../../platform/mail/enqueue-mail';
import { findTenantIdByCode } from '../organization/find-tenant-id-by-code';
import { adminNoticeRecipients } from './admin-notice-recipients';
import type { PasswordResetRequest } from './password-reset.schema';
import { passwordResetTokens } from './password-reset.table';
import { noEmailAdminNotice, resetLinkMail } from './password-reset-mails';
import { createResetToken, PASSWORD_RESET_VALIDITY_MS } from './password-reset-token';
import { users } from './user.table';
import { tenantName } from './user-guards';

type RequestOrigin = Pick<ActorContext, 'ip' | 'userAgent' | 'requestId'>;

/** Requests per account and hour that still send mail: bounds mail-bombing one person. */
const MAX_REQUESTS_PER_HOUR = 5;

/**
 * 「パスワードを忘れた場合」: mails a single-use link to the user, or tells the tenant's admins
 * when the user has no e-mail address. Returns nothing on purpose: the caller answers the same
 * for unknown tenants, unknown or disabled users and real requests.
 */
export async function requestPasswordReset(
  pool: pg.Pool,
  input: PasswordResetRequest,
  origin: RequestOrigin & { appOrigin: string },
): Promise<void> {
  const tenantId = await findTenantIdByCode(pool, input.tenantCode);
  if (!tenantId) return;
  await withTenantTransaction(pool, tenantId, async (tx) => {
    const [user] = await tx.db
      .select({
        userId: users.userId,
        loginId: users.loginId,
        name: users.name,
        email: users.email,
        isActive: users.isActive,
      })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.loginId, input.loginId)))
      .for('update');
    if (!user?.isActive) return;
    // Counted from the audit log, so requests for users without an address (which create no
    // token) are capped too and cannot flood the admins' mailbox.
    const { rows: recent } = await tx.client.query<{ requests: number; adminNotices: number }>(
      `SELECT count(*)::int AS requests,
              count(*) FILTER (WHERE after ->> 'sentTo' = 'org_admins')::int AS "adminNotices"
         FROM app.audit_log
        WHERE tenant_id = $1 AND event = 'auth.password_reset_requested' AND target_id = $2
          AND occurred_at > now() - interval '1 hour'`,
      [tenantId, user.userId],
    );
    if ((recent[0]?.requests ?? 0) >= MAX_REQUESTS_PER_HOUR) return;

    const who = { tenantName: await tenantName(tx), userName: user.name, loginId: user.loginId };
    const actor: ActorContext = {
      ...origin,
      tenantId,
      userId: user.userId,
      actorLabel: user.loginId,
    };
    let sentTo: 'user' | 'org_admins' | 'nobody' | 'org_admins_already_told';
    if (user.email) {
      // Only the newest link works: earlier unused ones of this user are spent now.
      await tx.db
        .update(passwordResetTokens)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(passwordResetTokens.tenantId, tenantId),
            eq(passwordResetTokens.userId, user.userId),
            isNull(passwordResetTokens.usedAt),
          ),
        );
      const { token, tokenHash } = createResetToken(tenantId);
      await tx.db.insert(passwordResetTokens).values({
        tenantId,
        tokenId: uuidv7(),
        tokenHash,
        userId: user.userId,
        expiresAt: sql`now() + ${`${PASSWORD_RESET_VALIDITY_MS} milliseconds`}::interval`,
      });
      await enqueueMail(
        tx,
        resetLinkMail(user.email, who, `${origin.appOrigin}/password-reset/${token}`),
      );
      sentTo = 'user';
    } else if ((recent[0]?.adminNotices ?? 0) > 0) {
      // The admins heard about this user within the hour; once is enough.
      sentTo = 'org_admins_already_told';
    } else {
      const admins = await adminNoticeRecipients(tx);
      if (admins.length > 0) await enqueueMail(tx, noEmailAdminNotice(admins, who));
      sentTo = admins.length > 0 ? 'org_admins' : 'nobody';
    }
    // The token never enters the audit log; who was told does.
    await writeAudit(tx, actor, {
      event: 'auth.password_reset_requested',
      targetType: 'user',
      targetId: user.userId,
      after: { sentTo },
    });
  });
}
