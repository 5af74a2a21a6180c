import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import type { Department, DepartmentInput } from './department.schema';
import { departments } from './department.table';
import { rethrowCodeTaken, toDepartment } from './department-row';

export async function createDepartment(
  tx: TenantTransaction,
  actor: ActorContext,
  input: DepartmentInput,
): Promise<Department> {
  const [row] = await tx.db
    .insert(departments)
    .values({ tenantId: tx.tenantId, departmentId: uuidv7(), ...input })
    .returning()
    .catch(rethrowCodeTaken);
  const department = toDepartment(row!);
  await writeAudit(tx, actor, {
    event: 'department.created',
    targetType: 'department',
    targetId: department.departmentId,
    after: input,
  });
  return department;
}
