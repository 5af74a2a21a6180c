import type { Principal } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type { Announcement } from './announcement.schema';

/**
 * A tenant transaction reads app.announcements through the `announcements_published` policy
 * only; the WHERE repeats it so the query means the same under the operator plane.
 */
const VISIBLE = 'a.published_at <= now()';

export async function listAnnouncements(
  tx: TenantTransaction,
  principal: Principal,
): Promise<Announcement[]> {
  const { rows } = await tx.client.query<{
    announcement_id: string;
    title: string;
    body: string;
    published_at: Date;
    is_unread: boolean;
  }>(
    `SELECT a.announcement_id, a.title, a.body, a.published_at, r.user_id IS NULL AS is_unread
       FROM app.announcements a
       LEFT JOIN app.announcement_reads r
         ON r.tenant_id = $1 AND r.user_id = $2 AND r.announcement_id = a.announcement_id
      WHERE ${VISIBLE}
      ORDER BY a.published_at DESC, a.announcement_id DESC LIMIT 200`,
    [tx.tenantId, principal.userId],
  );
  return rows.map((r) => ({
    announcementId: r.announcement_id,
    title: r.title,
    body: r.body,
    publishedAt: r.published_at.toISOString(),
    isUnread: r.is_unread,
  }));
}

/** What the 「NEW!」 badge of the main menu asks on every menu view: one cheap count. */
export async function countUnreadAnnouncements(
  tx: TenantTransaction,
  principal: Principal,
): Promise<number> {
  const { rows } = await tx.client.query<{ unread: number }>(
    `SELECT count(*)::int AS unread FROM app.announcements a
      WHERE ${VISIBLE} AND NOT EXISTS (
        SELECT 1 FROM app.announcement_reads r
         WHERE r.tenant_id = $1 AND r.user_id = $2 AND r.announcement_id = a.announcement_id)`,
    [tx.tenantId, principal.userId],
  );
  return rows[0]?.unread ?? 0;
}

/**
 * Read marks are the user's own display state, like a session's last-seen time: not recorded
 * in the audit log (ADR 0019). Marking twice is harmless.
 */
export async function markAnnouncementRead(
  tx: TenantTransaction,
  principal: Principal,
  announcementId: string,
): Promise<void> {
  const { rowCount } = await tx.client.query(
    `INSERT INTO app.announcement_reads (tenant_id, user_id, announcement_id)
     SELECT $1, $2, a.announcement_id FROM app.announcements a
      WHERE a.announcement_id = $3 AND ${VISIBLE}
     ON CONFLICT DO NOTHING`,
    [tx.tenantId, principal.userId, announcementId],
  );
  if (!rowCount) {
    const { rows } = await tx.client.query(
      `SELECT 1 FROM app.announcements a WHERE a.announcement_id = $1 AND ${VISIBLE}`,
      [announcementId],
    );
    if (!rows[0]) throw new AppError('not_found');
  }
}

export async function markAllAnnouncementsRead(
  tx: TenantTransaction,
  principal: Principal,
): Promise<void> {
  await tx.client.query(
    `INSERT INTO app.announcement_reads (tenant_id, user_id, announcement_id)
     SELECT $1, $2, a.announcement_id FROM app.announcements a WHERE ${VISIBLE}
     ON CONFLICT DO NOTHING`,
    [tx.tenantId, principal.userId],
  );
}
