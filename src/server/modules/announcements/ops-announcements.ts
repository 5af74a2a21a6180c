import type { OperatorActor } from '../../platform/auth/operator-principal';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import type { OperatorAuditEvent } from '../operators/operator-audit-events';
import { writeOperatorAudit } from '../operators/write-operator-audit';
import type { AnnouncementInput, OpsAnnouncement } from './announcement.schema';

interface Row {
  announcement_id: string;
  title: string;
  body: string;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  login_id: string | null;
}

const SELECT = `SELECT a.announcement_id, a.title, a.body, a.published_at, a.created_at,
                       a.updated_at, o.login_id
                  FROM app.announcements a LEFT JOIN app.operators o USING (operator_id)`;

function toOps(r: Row): OpsAnnouncement {
  return {
    announcementId: r.announcement_id,
    title: r.title,
    body: r.body,
    publishedAt: r.published_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    operatorLoginId: r.login_id,
  };
}

/** Drafts first (nothing to sort them by but creation), then newest publication first. */
export async function listOpsAnnouncements(tx: OperatorTransaction): Promise<OpsAnnouncement[]> {
  const { rows } = await tx.client.query<Row>(
    `${SELECT} ORDER BY a.published_at DESC NULLS FIRST, a.created_at DESC LIMIT 500`,
  );
  return rows.map(toOps);
}

export async function getOpsAnnouncement(
  tx: OperatorTransaction,
  announcementId: string,
): Promise<OpsAnnouncement> {
  const { rows } = await tx.client.query<Row>(`${SELECT} WHERE a.announcement_id = $1`, [
    announcementId,
  ]);
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return toOps(row);
}

export async function createAnnouncement(
  tx: OperatorTransaction,
  actor: OperatorActor,
  input: AnnouncementInput,
): Promise<OpsAnnouncement> {
  const announcementId = uuidv7();
  await tx.client.query(
    `INSERT INTO app.announcements (announcement_id, title, body, operator_id)
     VALUES ($1, $2, $3, $4)`,
    [announcementId, input.title, input.body, actor.operatorId],
  );
  await audit(tx, actor, 'announcement.created', announcementId, { title: input.title });
  return getOpsAnnouncement(tx, announcementId);
}

export async function updateAnnouncement(
  tx: OperatorTransaction,
  actor: OperatorActor,
  announcementId: string,
  input: AnnouncementInput,
): Promise<OpsAnnouncement> {
  await changeOne(
    tx,
    `UPDATE app.announcements SET title = $2, body = $3, updated_at = now()
      WHERE announcement_id = $1`,
    [announcementId, input.title, input.body],
  );
  await audit(tx, actor, 'announcement.updated', announcementId, { title: input.title });
  return getOpsAnnouncement(tx, announcementId);
}

/** Publication time now or later; a later one keeps the note from tenants until then. */
export async function publishAnnouncement(
  tx: OperatorTransaction,
  actor: OperatorActor,
  announcementId: string,
  publishedAt: string | undefined,
): Promise<OpsAnnouncement> {
  await changeOne(
    tx,
    `UPDATE app.announcements SET published_at = coalesce($2::timestamptz, now()),
            updated_at = now()
      WHERE announcement_id = $1`,
    [announcementId, publishedAt ?? null],
  );
  const published = await getOpsAnnouncement(tx, announcementId);
  await audit(tx, actor, 'announcement.published', announcementId, {
    publishedAt: published.publishedAt,
  });
  return published;
}

export async function unpublishAnnouncement(
  tx: OperatorTransaction,
  actor: OperatorActor,
  announcementId: string,
): Promise<OpsAnnouncement> {
  await changeOne(
    tx,
    `UPDATE app.announcements SET published_at = NULL, updated_at = now()
      WHERE announcement_id = $1`,
    [announcementId],
  );
  await audit(tx, actor, 'announcement.unpublished', announcementId);
  return getOpsAnnouncement(tx, announcementId);
}

export async function deleteAnnouncement(
  tx: OperatorTransaction,
  actor: OperatorActor,
  announcementId: string,
): Promise<void> {
  const { rows } = await tx.client.query<{ title: string }>(
    'DELETE FROM app.announcements WHERE announcement_id = $1 RETURNING title',
    [announcementId],
  );
  if (!rows[0]) throw new AppError('not_found');
  await audit(tx, actor, 'announcement.deleted', announcementId, { title: rows[0].title });
}

async function changeOne(tx: OperatorTransaction, text: string, values: unknown[]) {
  const { rowCount } = await tx.client.query(text, values);
  if (!rowCount) throw new AppError('not_found');
}

function audit(
  tx: OperatorTransaction,
  actor: OperatorActor,
  event: OperatorAuditEvent,
  announcementId: string,
  detail?: unknown,
) {
  return writeOperatorAudit(tx, actor, {
    event,
    targetType: 'announcement',
    targetId: announcementId,
    detail,
  });
}
