import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../../domain/identity/password-rules';
import { optionalEmail } from '../../../domain/partners/partner-fields';

/** 担当者 contracts, shared by the admin API and the web forms. */
export const LOGIN_ID_MAX = 64;
export const loginIdPattern = /^[\x21-\x7e]+$/;
/** How long an initial password may be used (SECURITY.md: 72 hours, single use). */
export const INITIAL_PASSWORD_VALID_HOURS = 72;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください` })
    .default('');

export const loginIdField = z
  .string()
  .trim()
  .min(1, { error: 'ログインIDを入力してください' })
  .max(LOGIN_ID_MAX, { error: `ログインIDは${LOGIN_ID_MAX}文字以内で入力してください` })
  .regex(loginIdPattern, { error: 'ログインIDは半角英数字・記号で入力してください（空白不可）' });

const userFields = {
  loginId: loginIdField,
  name: z
    .string()
    .trim()
    .min(1, { error: '氏名を入力してください' })
    .max(100, { error: '氏名は100文字以内で入力してください' }),
  kana: optionalText(100, 'フリガナ'),
  email: optionalEmail,
  department: optionalText(100, '部署'),
  groupId: z.uuid({ error: '権限グループを選択してください' }).nullable().default(null),
  isOrgAdmin: z.boolean().default(false),
  isActive: z.boolean().default(true),
};

/**
 * An initial password typed by the admin; without one the server generates it and returns
 * it once. Either way the user must replace it at first sign-in.
 */
const initialPasswordField = z
  .string()
  .max(PASSWORD_MAX_LENGTH, {
    error: `パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください`,
  })
  .optional()
  .describe('省略すると自動生成して応答で一度だけ返します');

export const userCreateSchema = z.strictObject({
  ...userFields,
  initialPassword: initialPasswordField,
});

export const userUpdateSchema = z.strictObject({
  ...userFields,
  version: z.number().int().min(1),
});

export const initialPasswordRequestSchema = z.strictObject({
  initialPassword: initialPasswordField,
});

export type UserCreate = z.infer<typeof userCreateSchema>;
export type UserUpdate = z.infer<typeof userUpdateSchema>;
export type InitialPasswordRequest = z.infer<typeof initialPasswordRequestSchema>;

export const userSchema = z
  .object({
    userId: z.uuid(),
    loginId: z.string(),
    name: z.string(),
    kana: z.string(),
    email: z.string(),
    department: z.string(),
    groupId: z.uuid().nullable(),
    groupName: z.string().nullable(),
    isOrgAdmin: z.boolean(),
    isActive: z.boolean(),
    mustChangePassword: z.boolean(),
    initialPasswordExpiresAt: z.iso.datetime({ offset: true }).nullable(),
    lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
    mfaEnabled: z.boolean(),
    lockedUntil: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe('Until when sign-in is locked after repeated failures; null when not locked'),
    version: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'User' });

export type User = z.infer<typeof userSchema>;

export const userListSchema = z
  .object({
    items: z.array(userSchema),
    seatLimit: z.number().int().describe('契約の利用人数 (有効な担当者の上限)'),
    activeCount: z.number().int(),
  })
  .meta({ id: 'UserList' });

export type UserList = z.infer<typeof userListSchema>;

export const issuedInitialPasswordSchema = z
  .object({
    generatedPassword: z
      .string()
      .nullable()
      .describe('サーバーが生成したときだけ、この応答で一度だけ返します'),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'IssuedInitialPassword' });

export type IssuedInitialPassword = z.infer<typeof issuedInitialPasswordSchema>;

export const createdUserSchema = z
  .object({ user: userSchema, initialPassword: issuedInitialPasswordSchema })
  .meta({ id: 'CreatedUser' });

export type CreatedUser = z.infer<typeof createdUserSchema>;

export const userIdParamsSchema = z.strictObject({ userId: z.uuid() });
