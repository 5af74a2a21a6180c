import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import { isForeignKeyViolation } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { departments } from './department.table';
import { toDepartment } from './department-row';
import { departmentKey } from './get-department';

/**
 * A department that documents or users still refer to cannot be deleted (the foreign keys
 * refuse it); the user is told to make it inactive instead, which keeps history readable.
 */
export async function deleteDepartment(
  tx: TenantTransaction,
  actor: ActorContext,
  departmentId: string,
  version: number,
): Promise<void> {
  const where = departmentKey(tx, departmentId);
  const [current] = await tx.db.select().from(departments).where(where).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  await tx.db
    .delete(departments)
    .where(where)
    .catch((error: unknown) => {
      if (isForeignKeyViolation(error)) throw new AppError('department_in_use');
      throw error;
    });
  await writeAudit(tx, actor, {
    event: 'department.deleted',
    targetType: 'department',
    targetId: departmentId,
    before: toDepartment(current),
  });
}
