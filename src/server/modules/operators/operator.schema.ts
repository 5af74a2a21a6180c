import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../../domain/identity/password-rules';
import { loginIdField } from '../identity/user.schema';
import { operatorAuditEvents } from './operator-audit-events';

/** Contracts of the operator console API (/api/ops/v1), shared with the /ops web screens. */
export const operatorLoginRequestSchema = z.strictObject({
  loginId: z.string().trim().min(1, { error: 'ログインIDを入力してください' }).max(64),
  password: z.string().min(1, { error: 'パスワードを入力してください' }).max(1024),
});
export type OperatorLoginRequest = z.infer<typeof operatorLoginRequestSchema>;

export const operatorMeSchema = z
  .object({
    operatorId: z.uuid(),
    loginId: z.string(),
    name: z.string(),
    sessionStage: z
      .enum(['full', 'mfa', 'mfa_enrol'])
      .describe("'mfa': the TOTP code is awaited; 'mfa_enrol': TOTP must be set up first"),
    mustChangePassword: z.boolean().describe('Still on the initial password from the CLI'),
    recoveryCodesLeft: z.int().describe('Unused recovery codes'),
  })
  .meta({ id: 'OperatorMe' });
export type OperatorMe = z.infer<typeof operatorMeSchema>;

export const operatorLoginResultSchema = z.object({
  sessionStage: z.enum(['mfa', 'mfa_enrol']),
});

/** 組織コード: what tenant users type at sign-in; lower-case letters, digits and hyphens. */
export const tenantCodeField = z
  .string()
  .trim()
  .min(3, { error: '組織コードは3文字以上で入力してください' })
  .max(32, { error: '組織コードは32文字以内で入力してください' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: '組織コードは半角英小文字・数字・ハイフンで入力してください（先頭は英数字）',
  });

export const tenantStatuses = ['trial', 'active', 'ended'] as const;
export type TenantStatus = (typeof tenantStatuses)[number];

export const planField = z
  .string()
  .trim()
  .min(1, { error: 'プランを入力してください' })
  .max(64, { error: 'プランは64文字以内で入力してください' });

export const seatLimitField = z.coerce
  .number({ error: '席数を数字で入力してください' })
  .int({ error: '席数は整数で入力してください' })
  .min(1, { error: '席数は1以上で入力してください' })
  .max(10_000, { error: '席数は10000以下で入力してください' });

const emailField = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'メールアドレスの形式が正しくありません' }));

export const tenantSummarySchema = z
  .object({
    tenantId: z.uuid(),
    code: z.string(),
    name: z.string(),
    status: z.enum(tenantStatuses),
    plan: z.string(),
    seatsUsed: z.int(),
    seatLimit: z.int(),
    trialEndsAt: z.iso.datetime({ offset: true }).nullable(),
    contractEndedAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    contactEmail: z.string(),
  })
  .meta({ id: 'OpsTenant' });
export type TenantSummary = z.infer<typeof tenantSummarySchema>;

export const tenantListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(tenantStatuses).optional(),
});
export type TenantListQuery = z.infer<typeof tenantListQuerySchema>;

export const tenantListSchema = z.object({ items: z.array(tenantSummarySchema) });

export const breakGlassGrantSchema = z
  .object({
    grantId: z.uuid(),
    operatorLoginId: z.string(),
    reason: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    active: z.boolean(),
  })
  .meta({ id: 'BreakGlassGrant' });
export type BreakGlassGrant = z.infer<typeof breakGlassGrantSchema>;

export const tenantDetailSchema = tenantSummarySchema
  .extend({ breakGlass: z.array(breakGlassGrantSchema) })
  .meta({ id: 'OpsTenantDetail' });
export type TenantDetail = z.infer<typeof tenantDetailSchema>;

export const tenantIdParamsSchema = z.strictObject({ tenantId: z.uuid() });

export const createTenantRequestSchema = z.strictObject({
  code: tenantCodeField,
  name: z.string().trim().min(1, { error: '組織名を入力してください' }).max(100),
  plan: planField,
  seatLimit: seatLimitField,
  contactEmail: emailField,
  /** 'trial' starts a free trial of TRIAL_DAYS; 'active' a paid contract at once. */
  status: z.enum(['trial', 'active']),
  admin: z.strictObject({
    loginId: loginIdField,
    name: z.string().trim().min(1, { error: '氏名を入力してください' }).max(100),
  }),
});
export type CreateTenantRequest = z.infer<typeof createTenantRequestSchema>;

export const createdTenantSchema = z.object({
  tenantId: z.uuid(),
  adminLoginId: z.string(),
  initialPassword: z.string().describe('Shown once; the admin must change it at first sign-in'),
});

export const convertTenantRequestSchema = z.strictObject({
  plan: planField,
  seatLimit: seatLimitField,
});
export type ConvertTenantRequest = z.infer<typeof convertTenantRequestSchema>;

export const seatLimitRequestSchema = z.strictObject({ seatLimit: seatLimitField });

export const endContractRequestSchema = z.strictObject({
  /** The operator types the 組織コード again: ending a contract starts the path to deletion. */
  confirmCode: z.string().trim().min(1, { error: '確認のため組織コードを入力してください' }),
});

export const BREAK_GLASS_MAX_MINUTES = 240;

export const breakGlassRequestSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, { error: '理由を10文字以上で具体的に入力してください' })
    .max(1000),
  minutes: z.coerce
    .number()
    .int()
    .min(15, { error: '15分以上を指定してください' })
    .max(BREAK_GLASS_MAX_MINUTES, { error: '最長4時間までです' }),
});
export type BreakGlassRequest = z.infer<typeof breakGlassRequestSchema>;

export const operatorAuditEntrySchema = z
  .object({
    seq: z.int(),
    occurredAt: z.iso.datetime({ offset: true }),
    actorLabel: z.string(),
    event: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    targetTenantCode: z.string().nullable(),
    ip: z.string(),
    detail: z.unknown(),
  })
  .meta({ id: 'OperatorAuditEntry' });
export type OperatorAuditEntry = z.infer<typeof operatorAuditEntrySchema>;

export const OPERATOR_AUDIT_PAGE_SIZE = 100;

export const operatorAuditListSchema = z.object({
  items: z.array(operatorAuditEntrySchema),
  nextBefore: z
    .int()
    .nullable()
    .describe('Pass as `before` for the next (older) page; null at the oldest entry'),
});
export type OperatorAuditList = z.infer<typeof operatorAuditListSchema>;

const auditEventNames = Object.keys(operatorAuditEvents) as [
  keyof typeof operatorAuditEvents,
  ...(keyof typeof operatorAuditEvents)[],
];

/** Keyset paging on seq (newest first); the log only grows, so pages never shift. */
export const operatorAuditQuerySchema = z.strictObject({
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  operatorId: z.uuid().optional(),
  event: z.enum(auditEventNames).optional(),
});
export type OperatorAuditQuery = z.infer<typeof operatorAuditQuerySchema>;

export const operatorSummarySchema = z
  .object({
    operatorId: z.uuid(),
    loginId: z.string(),
    name: z.string(),
    isActive: z.boolean(),
    mfaEnabled: z.boolean(),
    lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'OperatorSummary' });
export type OperatorSummary = z.infer<typeof operatorSummarySchema>;
export const operatorListSchema = z.object({ items: z.array(operatorSummarySchema) });

export const operatorPasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, { error: '現在のパスワードを入力してください' }).max(1024),
  newPassword: z
    .string()
    .min(1, { error: '新しいパスワードを入力してください' })
    .max(PASSWORD_MAX_LENGTH),
});
export type OperatorPasswordChange = z.infer<typeof operatorPasswordChangeSchema>;
