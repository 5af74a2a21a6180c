import { z } from 'zod';

/** Contracts of the development-only mailbox, shared by the route and the web page. */
export const devMailboxQuerySchema = z.strictObject({
  tenantCode: z.string().trim().min(1, { error: '組織コードを入力してください' }).max(32),
});

export const devMailSchema = z.object({
  mailId: z.uuid(),
  kind: z.string(),
  recipients: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  transport: z.enum(['smtp', 'dev_mailbox']).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const devMailboxSchema = z
  .object({ mails: z.array(devMailSchema) })
  .meta({ id: 'DevMailbox' });

export type DevMailbox = z.infer<typeof devMailboxSchema>;
