import { and, eq } from 'drizzle-orm';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import type { Department } from './department.schema';
import { departments } from './department.table';
import { toDepartment } from './department-row';

export function departmentKey(tx: TenantTransaction, departmentId: string) {
  return and(eq(departments.tenantId, tx.tenantId), eq(departments.departmentId, departmentId));
}

export async function getDepartment(
  tx: TenantTransaction,
  departmentId: string,
): Promise<Department> {
  const [row] = await tx.db.select().from(departments).where(departmentKey(tx, departmentId));
  if (!row) throw new AppError('not_found');
  return toDepartment(row);
}
