import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { users } from '../../identity/user.table';
import { departments } from '../../masters/departments/department.table';

/** The choices of the 担当者 and 部門 selects on the partner forms (active ones only). */
export const partnerOptionsSchema = z
  .object({
    staff: z.array(z.object({ userId: z.uuid(), name: z.string() })),
    departments: z.array(z.object({ departmentId: z.uuid(), code: z.string(), name: z.string() })),
  })
  .meta({ id: 'PartnerOptions' });
export type PartnerOptions = z.infer<typeof partnerOptionsSchema>;

export async function findPartnerOptions(tx: TenantTransaction): Promise<PartnerOptions> {
  const [staff, departmentRows] = [
    await tx.db
      .select({ userId: users.userId, name: users.name })
      .from(users)
      .where(and(eq(users.tenantId, tx.tenantId), eq(users.isActive, true)))
      .orderBy(asc(users.name)),
    await tx.db
      .select({
        departmentId: departments.departmentId,
        code: departments.code,
        name: departments.name,
      })
      .from(departments)
      .where(and(eq(departments.tenantId, tx.tenantId), eq(departments.isActive, true)))
      .orderBy(asc(departments.code)),
  ];
  return { staff, departments: departmentRows };
}
