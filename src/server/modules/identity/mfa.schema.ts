import { z } from 'zod';

/** Contracts of TOTP two-step verification, shared by the server routes and the web client. */
export const mfaStatusSchema = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.iso.datetime({ offset: true }).nullable(),
    recoveryCodesLeft: z.int(),
    requiredByTenant: z.boolean(),
  })
  .meta({ id: 'MfaStatus' });
export type MfaStatus = z.infer<typeof mfaStatusSchema>;

export const mfaEnrolmentSchema = z
  .object({
    secret: z.string().describe('Base32 key for manual entry in the authenticator app'),
    otpauthUri: z.string(),
    qrCodeDataUrl: z.string().describe('The otpauth URI as an SVG QR code (data: URL)'),
  })
  .meta({ id: 'MfaEnrolment' });
export type MfaEnrolment = z.infer<typeof mfaEnrolmentSchema>;

/** A 6-digit code, or a recovery code like `k7m2p-x9qrt` where the login step accepts one. */
export const mfaCodeSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, { error: '確認コードを入力してください' })
    .max(32, { error: '確認コードが長すぎます' }),
});
export type MfaCode = z.infer<typeof mfaCodeSchema>;

export const recoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()).describe('Shown once; stored only hashed') })
  .meta({ id: 'MfaRecoveryCodes' });

/**
 * Starting enrolment from a full session asks for the password again: a stolen session must
 * not be able to bind the attacker's authenticator (and lock the owner out). A session that
 * exists only to enrol has just given it.
 */
export const mfaEnrolmentStartSchema = z.strictObject({
  password: z.string().max(1024).optional(),
});
export type MfaEnrolmentStart = z.infer<typeof mfaEnrolmentStartSchema>;

export const mfaDisableSchema = z.strictObject({
  password: z.string().min(1, { error: 'パスワードを入力してください' }).max(1024),
  code: mfaCodeSchema.shape.code,
});
export type MfaDisable = z.infer<typeof mfaDisableSchema>;

export const mfaRequirements = ['off', 'admins', 'everyone'] as const;

export const mfaSettingsSchema = z
  .strictObject({ required: z.enum(mfaRequirements) })
  .meta({ id: 'MfaSettings' });
export type MfaSettings = z.infer<typeof mfaSettingsSchema>;
