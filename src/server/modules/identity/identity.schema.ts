import { z } from 'zod';
import { allPermissions } from '../../../domain/access/permissions';
import { PASSWORD_MAX_LENGTH } from '../../../domain/identity/password-rules';
import { contractLifecycleSchema } from '../lifecycle/lifecycle.schema';

/** Contracts of the sign-in API, shared by the server routes and the web client. */
export const loginRequestSchema = z.strictObject({
  tenantCode: z.string().trim().min(1, { error: '組織コードを入力してください' }).max(32),
  loginId: z.string().trim().min(1, { error: 'ログインIDを入力してください' }).max(64),
  password: z.string().min(1, { error: 'パスワードを入力してください' }).max(1024),
});

export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const meSchema = z
  .object({
    tenant: z.object({
      code: z.string(),
      name: z.string(),
      dataRegion: z.string(),
      contract: contractLifecycleSchema,
      status: z.enum(['trial', 'active', 'ended']),
      trialEndsAt: z.iso.datetime({ offset: true }).nullable(),
      trialDaysLeft: z
        .number()
        .int()
        .nullable()
        .describe('Whole days left of the free trial (0 on its last day); null when not a trial'),
    }),
    user: z.object({
      userId: z.uuid(),
      loginId: z.string(),
      name: z.string(),
      isOrgAdmin: z.boolean(),
      mustChangePassword: z
        .boolean()
        .describe('初期パスワードのまま、または有効期限切れ: パスワード変更しか行えません'),
      passwordExpired: z.boolean().describe('パスワードの有効期限が切れている'),
      passwordExpiresInDays: z
        .number()
        .int()
        .nullable()
        .describe('有効期限までの日数 (システム設定の変更通知期間に入ったときだけ)'),
      mfaEnabled: z.boolean(),
    }),
    sessionStage: z
      .enum(['full', 'mfa', 'mfa_enrol'])
      .describe("'mfa': the TOTP code is awaited; 'mfa_enrol': the tenant requires enrolment"),
    previousLogin: z
      .object({ at: z.iso.datetime({ offset: true }), ip: z.string() })
      .nullable()
      .describe('The sign-in before the current one, so users notice one they did not make'),
    permissions: z.array(z.enum(allPermissions as [string, ...string[]])),
  })
  .meta({ id: 'Me' });

export type Me = z.infer<typeof meSchema>;

/** パスワード変更: the new password is checked against src/domain/identity/password-rules. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, { error: '現在のパスワードを入力してください' }).max(1024),
  newPassword: z
    .string()
    .min(1, { error: '新しいパスワードを入力してください' })
    .max(PASSWORD_MAX_LENGTH, {
      error: `パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください`,
    }),
});

export type PasswordChange = z.infer<typeof passwordChangeSchema>;
