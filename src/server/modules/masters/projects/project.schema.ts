import { z } from 'zod';
import { notesText, partnerCode } from '../../../../domain/partners/partner-fields';

const optionalDate = z.iso
  .date({ error: '日付は YYYY-MM-DD の形式で入力してください' })
  .nullable()
  .default(null);

/** 物件 contracts, shared by the API and the web form. */
export const projectInputSchema = z
  .strictObject({
    code: partnerCode,
    name: z
      .string()
      .trim()
      .min(1, { error: '物件名を入力してください' })
      .max(100, { error: '物件名は100文字以内で入力してください' }),
    customerId: z.uuid({ error: '得意先を選び直してください' }).nullable().default(null),
    startsOn: optionalDate,
    endsOn: optionalDate,
    notes: notesText,
    isActive: z.boolean().default(true),
  })
  .refine((p) => !p.startsOn || !p.endsOn || p.startsOn <= p.endsOn, {
    path: ['endsOn'],
    error: '終了日は開始日以降の日付にしてください',
  });

export const projectUpdateSchema = projectInputSchema.safeExtend({
  version: z.number().int().min(1),
});

export type ProjectInput = z.infer<typeof projectInputSchema>;
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

export const projectSchema = z
  .object({
    projectId: z.uuid(),
    code: z.string(),
    name: z.string(),
    customerId: z.uuid().nullable(),
    /** The customer's code and name, for lists and the form (null when none or deleted). */
    customer: z.object({ code: z.string(), name: z.string() }).nullable(),
    startsOn: z.iso.date().nullable(),
    endsOn: z.iso.date().nullable(),
    notes: z.string(),
    isActive: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Project' });

export type Project = z.infer<typeof projectSchema>;

export const projectIdParamsSchema = z.strictObject({ projectId: z.uuid() });

export const projectListQuerySchema = z.strictObject({
  active: z.enum(['true', 'false', 'all']).default('all'),
  customerId: z.uuid().optional(),
});

export const PROJECT_LIMIT = 1_000;

export const projectListSchema = z
  .object({ items: z.array(projectSchema), isTruncated: z.boolean() })
  .meta({ id: 'ProjectList' });

export const projectDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});
