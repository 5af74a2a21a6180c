import { z } from 'zod';

/** Contracts of 障害 (ADR 0020): the operator console, the tenant banner and the status page. */
export const incidentSeverities = ['critical', 'major', 'minor'] as const;
export const incidentStatuses = [
  'detected',
  'investigating',
  'identified',
  'monitoring',
  'resolved',
] as const;
export const incidentUpdateStatuses = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
] as const;
export type IncidentSeverity = (typeof incidentSeverities)[number];
export type IncidentStatus = (typeof incidentStatuses)[number];

/** 白書 §15: affected tenants are told within 2 hours of detection. */
export const FIRST_NOTICE_TARGET_MINUTES = 120;

const title = z
  .string()
  .trim()
  .min(1, { error: '件名を入力してください' })
  .max(200, { error: '件名は200文字以内で入力してください' });
const message = z
  .string()
  .trim()
  .min(1, { error: '本文を入力してください' })
  .max(4000, { error: '本文は4000文字以内で入力してください' });

export const recordIncidentRequestSchema = z.strictObject({
  title,
  severity: z.enum(incidentSeverities),
  detectedAt: z.iso
    .datetime({ offset: true, error: '検知日時を入力してください' })
    .refine((value) => Date.parse(value) <= Date.now() + 60_000, {
      error: '検知日時に未来は指定できません',
    }),
});
export type RecordIncidentRequest = z.infer<typeof recordIncidentRequestSchema>;

export const declareIncidentRequestSchema = z
  .strictObject({
    severity: z.enum(incidentSeverities),
    allTenants: z.boolean(),
    tenantIds: z.array(z.uuid()).max(500).default([]),
    message,
  })
  .refine((value) => value.allTenants || value.tenantIds.length > 0, {
    error: '影響を受ける組織を選んでください',
    path: ['tenantIds'],
  });
export type DeclareIncidentRequest = z.infer<typeof declareIncidentRequestSchema>;

export const incidentUpdateRequestSchema = z.strictObject({
  status: z.enum(incidentUpdateStatuses),
  message,
});
export type IncidentUpdateRequest = z.infer<typeof incidentUpdateRequestSchema>;

export const incidentIdParamsSchema = z.object({ incidentId: z.uuid() });

const updateSchema = z.object({
  status: z.enum(incidentUpdateStatuses),
  message: z.string(),
  postedAt: z.string().describe('ISO 8601'),
});

/** The console's view: affected tenants by code and the first-notice time against the target. */
export const opsIncidentSchema = z
  .object({
    incidentId: z.uuid(),
    title: z.string(),
    severity: z.enum(incidentSeverities),
    status: z.enum(incidentStatuses),
    allTenants: z.boolean(),
    affectedTenants: z.array(z.object({ tenantId: z.uuid(), code: z.string(), name: z.string() })),
    detectedAt: z.string(),
    declaredAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    publicMessage: z.string(),
    firstNoticeMinutes: z
      .number()
      .int()
      .describe('Detection to declaration; while undeclared, detection to now'),
    overTarget: z.boolean().describe('firstNoticeMinutes exceeds the 2-hour target'),
    updates: z.array(updateSchema),
  })
  .meta({ id: 'OpsIncident' });
export type OpsIncident = z.infer<typeof opsIncidentSchema>;
export const opsIncidentListSchema = z.object({ items: z.array(opsIncidentSchema) });

/** Open incidents that concern the signed-in tenant (banner for its org admins). */
export const activeIncidentSchema = z.object({
  incidentId: z.uuid(),
  title: z.string(),
  severity: z.enum(incidentSeverities),
  status: z.enum(incidentStatuses),
  declaredAt: z.string(),
  message: z.string(),
});
export const activeIncidentListSchema = z.object({ items: z.array(activeIncidentSchema) });
export type ActiveIncident = z.infer<typeof activeIncidentSchema>;

/** Public status page: no tenant name, code or count, times in JST (+09:00). */
export const publicIncidentSchema = z.object({
  incidentId: z.uuid(),
  title: z.string(),
  severity: z.enum(incidentSeverities),
  status: z.enum(incidentStatuses),
  detectedAt: z.string(),
  declaredAt: z.string(),
  resolvedAt: z.string().nullable(),
  message: z.string(),
  updates: z.array(updateSchema),
});
export const publicStatusSchema = z
  .object({
    generatedAt: z.string(),
    days: z.number().int(),
    operational: z.boolean().describe('No declared incident is open'),
    current: z.array(publicIncidentSchema),
    past: z.array(publicIncidentSchema),
  })
  .meta({ id: 'PublicStatus' });
export type PublicStatus = z.infer<typeof publicStatusSchema>;
export type PublicIncident = z.infer<typeof publicIncidentSchema>;
