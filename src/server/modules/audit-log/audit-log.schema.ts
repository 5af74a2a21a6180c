import { z } from 'zod';
import { isValidJstDate } from '../../../domain/time/jst';
import { type AuditEvent, auditEvents } from '../../platform/audit/audit-events';

/** 操作ログ contracts, shared by the admin API and the web screen. */
export const AUDIT_PAGE_SIZE_MAX = 200;

const jstDay = (label: string) =>
  z
    .string()
    .refine(isValidJstDate, { error: `${label}は YYYY-MM-DD 形式の日付で指定してください` })
    .optional()
    .describe('日本時間 (JST) の日付');

/** The filters the list and the CSV export share. */
export const auditFilterFields = {
  from: jstDay('期間の開始日'),
  to: jstDay('期間の終了日'),
  actorUserId: z.uuid({ error: '担当者の指定が正しくありません' }).optional(),
  event: z
    .enum(Object.keys(auditEvents) as [AuditEvent, ...AuditEvent[]], {
      error: '操作の種類が正しくありません',
    })
    .optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(200).optional(),
};

const periodInOrder = (filter: { from?: string | undefined; to?: string | undefined }) =>
  !filter.from || !filter.to || filter.from <= filter.to;
const periodError = { error: '期間の終了日は開始日以降にしてください', path: ['to'] };

export const auditListQuerySchema = z
  .strictObject({
    ...auditFilterFields,
    cursor: z
      .string()
      .regex(/^\d{1,15}$/, { error: 'ページ位置の指定が正しくありません' })
      .optional()
      .describe('前ページの nextCursor'),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(50),
  })
  .refine(periodInOrder, periodError);

export const csvEncodings = ['utf8', 'cp932'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export const auditExportQuerySchema = z
  .strictObject({
    ...auditFilterFields,
    encoding: z
      .enum(csvEncodings)
      .default('utf8')
      .describe('utf8: BOM 付き UTF-8 / cp932: Shift_JIS (表せない文字は〓に置換)'),
  })
  .refine(periodInOrder, periodError);

export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;
export type AuditFilter = Pick<
  AuditListQuery,
  'from' | 'to' | 'actorUserId' | 'event' | 'targetType' | 'targetId'
>;

export const auditEntrySummarySchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.iso.datetime({ offset: true }).describe('日本時間 (+09:00)'),
    actorUserId: z.uuid().nullable(),
    actorLabel: z.string().nullable(),
    actorName: z.string().nullable().describe('現在の氏名 (削除済みの担当者は null)'),
    event: z.string(),
    eventLabel: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntrySummary' });

export const auditEntrySchema = auditEntrySummarySchema
  .extend({
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export type AuditEntrySummary = z.infer<typeof auditEntrySummarySchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z
  .object({
    items: z.array(auditEntrySchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'AuditList' });

export type AuditList = z.infer<typeof auditListSchema>;
