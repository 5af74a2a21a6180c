import { z } from 'zod';

/** The console's mail log (ADR 0019): delivery facts only, never bodies or full addresses. */
export const mailStatuses = ['queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export const MAIL_LOG_PAGE_SIZE = 50;

export const mailLogQuerySchema = z.strictObject({
  status: z.enum(mailStatuses).optional(),
  tenantCode: z.string().trim().max(32).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type MailLogQuery = z.infer<typeof mailLogQuerySchema>;

export const mailLogEntrySchema = z
  .object({
    mailId: z.uuid(),
    createdAt: z.iso.datetime({ offset: true }),
    tenantCode: z.string(),
    kind: z.string(),
    subject: z.string(),
    recipients: z.array(z.string()).describe('Masked, e.g. t***@example.jp'),
    status: z.enum(mailStatuses),
    attempts: z.int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime({ offset: true }),
    sentAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'MailLogEntry' });
export type MailLogEntry = z.infer<typeof mailLogEntrySchema>;

export const mailLogSchema = z.object({
  items: z.array(mailLogEntrySchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type MailLog = z.infer<typeof mailLogSchema>;
