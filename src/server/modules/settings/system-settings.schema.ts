import { z } from 'zod';
import { optionalEmail } from '../../../domain/partners/partner-fields';

/** システム設定 contracts, shared by the admin API and the settings screen. */
export const IDLE_TIMEOUT_MIN_MINUTES = 5;
/** SECURITY.md: idle timeout from tenant settings, default 30 minutes, at most 60. */
export const IDLE_TIMEOUT_MAX_MINUTES = 60;
export const PASSWORD_EXPIRY_MAX_DAYS = 999;

const days = (label: string, max: number) =>
  z
    .number({ error: `${label}を数値で入力してください` })
    .int({ error: `${label}は整数で入力してください` })
    .min(0, { error: `${label}は0以上で入力してください` })
    .max(max, { error: `${label}は${max}日以内で入力してください` });

const systemSettingsFields = {
  adminEmail: optionalEmail.describe(
    '管理者メールアドレス: メールのない担当者のパスワード再設定の通知、障害のお知らせの宛先',
  ),
  idleTimeoutMinutes: z
    .number({ error: '自動ログアウトまでの時間を数値で入力してください' })
    .int({ error: '自動ログアウトまでの時間は整数で入力してください' })
    .min(IDLE_TIMEOUT_MIN_MINUTES, {
      error: `自動ログアウトまでの時間は${IDLE_TIMEOUT_MIN_MINUTES}分以上で入力してください`,
    })
    .max(IDLE_TIMEOUT_MAX_MINUTES, {
      error: `自動ログアウトまでの時間は${IDLE_TIMEOUT_MAX_MINUTES}分以内で入力してください`,
    }),
  passwordExpiryDays: days('パスワードの有効期限', PASSWORD_EXPIRY_MAX_DAYS).describe(
    '0 = 無期限 (既定)',
  ),
  passwordNoticeDays: days('変更通知の日数', PASSWORD_EXPIRY_MAX_DAYS).describe(
    '有効期限の何日前からメインメニューに通知するか (0 = 通知しない)',
  ),
};

export const systemSettingsUpdateSchema = z
  .strictObject({ ...systemSettingsFields, version: z.number().int().min(1) })
  .superRefine((value, ctx) => {
    if (value.passwordExpiryDays === 0 && value.passwordNoticeDays > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['passwordNoticeDays'],
        message: '有効期限を設定しない場合、変更通知の日数は0にしてください',
      });
    }
    if (value.passwordExpiryDays > 0 && value.passwordNoticeDays >= value.passwordExpiryDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['passwordNoticeDays'],
        message: '変更通知の日数は、パスワードの有効期限の日数より小さくしてください',
      });
    }
  });

export type SystemSettingsUpdate = z.infer<typeof systemSettingsUpdateSchema>;

export const systemSettingsSchema = z
  .object({
    adminEmail: z.string(),
    idleTimeoutMinutes: z.number().int(),
    /** Fixed by SECURITY.md, shown on the screen but not editable. */
    absoluteSessionHours: z.number().int(),
    passwordExpiryDays: z.number().int(),
    passwordNoticeDays: z.number().int(),
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'SystemSettings' });

export type SystemSettings = z.infer<typeof systemSettingsSchema>;
