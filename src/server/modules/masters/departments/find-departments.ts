import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { DEPARTMENT_LIMIT, type departmentListQuerySchema } from './department.schema';
import { departments } from './department.table';
import { toDepartment } from './department-row';

export async function findDepartments(
  tx: TenantTransaction,
  query: z.infer<typeof departmentListQuerySchema>,
) {
  const rows = await tx.db
    .select()
    .from(departments)
    .where(query.active === 'all' ? undefined : eq(departments.isActive, query.active === 'true'))
    .orderBy(asc(departments.code))
    .limit(DEPARTMENT_LIMIT);
  return { items: rows.map(toDepartment) };
}
