import { z } from 'zod';

/** 「ログイン中の端末」: the signed-in user's live sessions. */
export const ownSessionSchema = z
  .object({
    sessionId: z.uuid(),
    createdAt: z.iso.datetime({ offset: true }),
    lastSeenAt: z.iso.datetime({ offset: true }),
    ip: z.string(),
    userAgent: z.string(),
    current: z.boolean(),
  })
  .meta({ id: 'OwnSession' });
export type OwnSession = z.infer<typeof ownSessionSchema>;

export const ownSessionListSchema = z
  .object({ items: z.array(ownSessionSchema) })
  .meta({ id: 'OwnSessionList' });
export type OwnSessionList = z.infer<typeof ownSessionListSchema>;

export const sessionIdParamsSchema = z.strictObject({ sessionId: z.uuid() });

export const revokedSessionsSchema = z.object({ ended: z.int() }).meta({ id: 'RevokedSessions' });
