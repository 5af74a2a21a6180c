import { z } from 'zod';
import { normalizePermissions } from '../../../domain/access/permission-grid';
import { isPermission, type Permission } from '../../../domain/access/permissions';

/** アクセス権限グループ contracts, shared by the admin API and the web screens. */
export const GROUP_NAME_MAX = 50;

export const groupNameField = z
  .string()
  .trim()
  .min(1, { error: 'グループ名を入力してください' })
  .max(GROUP_NAME_MAX, { error: `グループ名は${GROUP_NAME_MAX}文字以内で入力してください` });

/**
 * Catalogue keys ("customers:view"); anything else is a field error. The implied 参照 is added
 * here so every writer stores the same normalised list (src/domain/access/permission-grid.ts).
 */
export const permissionListField = z
  .array(z.string().refine(isPermission, { error: '権限の指定に誤りがあります' }), {
    error: '権限の一覧を指定してください',
  })
  .max(500)
  .transform((values) => normalizePermissions(values));

export const permissionGroupCreateSchema = z.strictObject({
  name: groupNameField,
  permissions: permissionListField.default([]),
});

export const permissionGroupUpdateSchema = z.strictObject({
  name: groupNameField,
  permissions: permissionListField,
  version: z.number().int().min(1),
});

export const permissionGroupCopySchema = z.strictObject({ name: groupNameField });

export type PermissionGroupCreate = z.infer<typeof permissionGroupCreateSchema>;
export type PermissionGroupUpdate = z.infer<typeof permissionGroupUpdateSchema>;
export type PermissionGroupCopy = z.infer<typeof permissionGroupCopySchema>;

export const permissionGroupSchema = z
  .object({
    groupId: z.uuid(),
    name: z.string(),
    permissions: z.array(z.string() as z.ZodType<Permission>),
    memberCount: z.number().int().describe('このグループに属する担当者の数'),
    version: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'PermissionGroup' });

export type PermissionGroup = z.infer<typeof permissionGroupSchema>;

export const permissionGroupListSchema = z
  .object({ items: z.array(permissionGroupSchema) })
  .meta({ id: 'PermissionGroupList' });

export type PermissionGroupList = z.infer<typeof permissionGroupListSchema>;

export const groupIdParamsSchema = z.strictObject({ groupId: z.uuid() });
