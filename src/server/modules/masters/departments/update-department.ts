import { sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import type { Department, DepartmentUpdate } from './department.schema';
import { departments } from './department.table';
import { rethrowCodeTaken, toDepartment } from './department-row';
import { departmentKey } from './get-department';

/** Optimistic locking: the caller sends the version it read; a newer one means a conflict. */
export async function updateDepartment(
  tx: TenantTransaction,
  actor: ActorContext,
  departmentId: string,
  { version, ...input }: DepartmentUpdate,
): Promise<Department> {
  const where = departmentKey(tx, departmentId);
  const [current] = await tx.db.select().from(departments).where(where).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  const [updated] = await tx.db
    .update(departments)
    .set({ ...input, version: version + 1, updatedAt: sql`now()` })
    .where(where)
    .returning()
    .catch(rethrowCodeTaken);
  const after = toDepartment(updated!);
  await writeAudit(tx, actor, {
    event: 'department.updated',
    targetType: 'department',
    targetId: departmentId,
    ...auditDiff(toDepartment(current), after),
  });
  return after;
}
