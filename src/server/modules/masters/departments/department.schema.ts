import { z } from 'zod';
import {
  addressLine,
  partnerCode,
  partnerKana,
  phoneNumber,
  postalCode,
} from '../../../../domain/partners/partner-fields';

/** 部門 contracts, shared by the API and the web form. */
export const departmentInputSchema = z.strictObject({
  code: partnerCode,
  name: z
    .string()
    .trim()
    .min(1, { error: '部門名を入力してください' })
    .max(40, { error: '部門名は40文字以内で入力してください' }),
  kana: partnerKana,
  postalCode,
  address1: addressLine,
  address2: addressLine,
  phone: phoneNumber,
  fax: phoneNumber,
  printsOwnAddress: z.boolean().default(false),
  isActive: z.boolean().default(true),
});

export const departmentUpdateSchema = departmentInputSchema.extend({
  version: z.number().int().min(1),
});

export type DepartmentInput = z.infer<typeof departmentInputSchema>;
export type DepartmentUpdate = z.infer<typeof departmentUpdateSchema>;

export const departmentSchema = z
  .object({
    departmentId: z.uuid(),
    code: z.string(),
    name: z.string(),
    kana: z.string(),
    postalCode: z.string(),
    address1: z.string(),
    address2: z.string(),
    phone: z.string(),
    fax: z.string(),
    printsOwnAddress: z.boolean(),
    isActive: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Department' });

export type Department = z.infer<typeof departmentSchema>;

export const departmentIdParamsSchema = z.strictObject({ departmentId: z.uuid() });

export const departmentListQuerySchema = z.strictObject({
  active: z.enum(['true', 'false', 'all']).default('all'),
});

/** A company has tens of departments, not thousands: the list comes whole, in code order. */
export const DEPARTMENT_LIMIT = 1_000;

export const departmentListSchema = z
  .object({ items: z.array(departmentSchema) })
  .meta({ id: 'DepartmentList' });

export const departmentDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});
