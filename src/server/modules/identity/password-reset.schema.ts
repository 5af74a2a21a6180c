import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../../domain/identity/password-rules';
import { loginRequestSchema } from './identity.schema';

/** Contracts of the self-service password reset, shared by the routes and the web client. */
export const passwordResetRequestSchema = loginRequestSchema.pick({
  tenantCode: true,
  loginId: true,
});

export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** `<tenant id>.<secret>` from the mailed link; the format is checked by the operation. */
const resetToken = z.string().min(1).max(200);

export const passwordResetTokenSchema = z.strictObject({ token: resetToken });

export type PasswordResetToken = z.infer<typeof passwordResetTokenSchema>;

/** Who the link is for: shown on the form and fed to the password rules (no names inside). */
export const passwordResetTargetSchema = z
  .object({ tenantCode: z.string(), loginId: z.string(), userName: z.string() })
  .meta({ id: 'PasswordResetTarget' });

export type PasswordResetTarget = z.infer<typeof passwordResetTargetSchema>;

export const passwordResetCompleteSchema = z.strictObject({
  token: resetToken,
  newPassword: z
    .string()
    .min(1, { error: '新しいパスワードを入力してください' })
    .max(PASSWORD_MAX_LENGTH, {
      error: `パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください`,
    }),
});

export type PasswordResetComplete = z.infer<typeof passwordResetCompleteSchema>;
