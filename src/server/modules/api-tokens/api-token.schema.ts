import { z } from 'zod';
import { allPermissions } from '../../../domain/access/permissions';

/** 個人用 API トークン contracts, shared by the API and the web screen. */
export const API_TOKEN_MAX_DAYS = 365;
export const API_TOKEN_NAME_MAX = 100;

const permissionEnum = z.enum(allPermissions as [string, ...string[]]);

export const apiTokenCreateSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: 'トークン名を入力してください' })
    .max(API_TOKEN_NAME_MAX, {
      error: `トークン名は${API_TOKEN_NAME_MAX}文字以内で入力してください`,
    }),
  expiresInDays: z
    .number({ error: '有効期間を選択してください' })
    .int({ error: '有効期間は日数 (整数) で指定してください' })
    .min(1, { error: '有効期間は1日以上にしてください' })
    .max(API_TOKEN_MAX_DAYS, { error: `有効期間は最長${API_TOKEN_MAX_DAYS}日 (1年) です` }),
  scope: z
    .array(permissionEnum)
    .min(1, { error: '許可する操作を1つ以上選択してください' })
    .max(allPermissions.length)
    .describe('自分の権限の範囲内でだけ選べます。使うたびに現在の権限と突き合わせます'),
});

export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;

export const apiTokenSchema = z
  .object({
    tokenId: z.uuid(),
    name: z.string(),
    scope: z.array(permissionEnum),
    createdAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
    owner: z.object({ userId: z.uuid(), loginId: z.string(), name: z.string() }),
  })
  .meta({ id: 'ApiToken' });

export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z
  .object({ items: z.array(apiTokenSchema) })
  .meta({ id: 'ApiTokenList' });

export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

export const createdApiTokenSchema = z
  .object({
    apiToken: apiTokenSchema,
    token: z
      .string()
      .describe('Authorization: Bearer に指定する値。この応答で一度だけ返し、保存しません'),
  })
  .meta({ id: 'CreatedApiToken' });

export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenIdParamsSchema = z.strictObject({ tokenId: z.uuid() });
