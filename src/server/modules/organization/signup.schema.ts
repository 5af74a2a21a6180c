import { z } from 'zod';
import { loginIdField } from '../identity/user.schema';
import { tenantCodeField } from '../operators/operator.schema';

/** 無料トライアルのお申し込み: the public sign-up form, shared by the route and /signup. */
export const signupRequestSchema = z.strictObject({
  companyName: z
    .string()
    .trim()
    .min(1, { error: '会社名を入力してください' })
    .max(100, { error: '会社名は100文字以内で入力してください' }),
  tenantCode: tenantCodeField,
  adminName: z
    .string()
    .trim()
    .min(1, { error: '氏名を入力してください' })
    .max(100, { error: '氏名は100文字以内で入力してください' }),
  loginId: loginIdField,
  password: z.string().min(1, { error: 'パスワードを入力してください' }).max(1024),
  contactEmail: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'メールアドレスの形式が正しくありません' })),
  agreeToTerms: z.literal(true, { error: '利用規約への同意が必要です' }),
});
export type SignupRequest = z.infer<typeof signupRequestSchema>;

export const signupResultSchema = z.object({
  tenantCode: z.string(),
  loginId: z.string(),
  trialEndsAt: z.iso.datetime({ offset: true }),
});
export type SignupResult = z.infer<typeof signupResultSchema>;

/** What the sign-up page states before anyone applies (the trial length is configuration). */
export const signupFormSchema = z
  .object({ trialDays: z.int().describe('Length of the free trial (TRIAL_DAYS)') })
  .meta({ id: 'SignupForm' });
export type SignupForm = z.infer<typeof signupFormSchema>;
