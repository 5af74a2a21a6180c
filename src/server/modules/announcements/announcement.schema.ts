import { z } from 'zod';

/** Contracts of お知らせ, shared by the console (/ops) and the tenant app. */
export const announcementTitleField = z
  .string()
  .trim()
  .min(1, { error: 'タイトルを入力してください' })
  .max(200, { error: 'タイトルは200文字以内で入力してください' });

export const announcementBodyField = z
  .string()
  .trim()
  .min(1, { error: '本文を入力してください' })
  .max(20_000, { error: '本文は20000文字以内で入力してください' });

export const announcementInputSchema = z.strictObject({
  title: announcementTitleField,
  body: announcementBodyField,
});
export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

export const publishAnnouncementSchema = z.strictObject({
  /** Omitted: now. May lie in the future (scheduled publication). */
  publishedAt: z.iso
    .datetime({ offset: true, error: '公開日時の形式が正しくありません' })
    .optional(),
});
export type PublishAnnouncement = z.infer<typeof publishAnnouncementSchema>;

export const announcementIdParamsSchema = z.strictObject({ announcementId: z.uuid() });

/** The console's view: drafts and scheduled notes included. */
export const opsAnnouncementSchema = z
  .object({
    announcementId: z.uuid(),
    title: z.string(),
    body: z.string(),
    publishedAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    operatorLoginId: z.string().nullable(),
  })
  .meta({ id: 'OpsAnnouncement' });
export type OpsAnnouncement = z.infer<typeof opsAnnouncementSchema>;
export const opsAnnouncementListSchema = z.object({ items: z.array(opsAnnouncementSchema) });

/** A tenant user's view: published notes only, with this user's read state. */
export const announcementSchema = z
  .object({
    announcementId: z.uuid(),
    title: z.string(),
    body: z.string(),
    publishedAt: z.iso.datetime({ offset: true }),
    isUnread: z.boolean(),
  })
  .meta({ id: 'Announcement' });
export type Announcement = z.infer<typeof announcementSchema>;
export const announcementListSchema = z.object({ items: z.array(announcementSchema) });
export const unreadAnnouncementsSchema = z.object({ unread: z.int().min(0) });
