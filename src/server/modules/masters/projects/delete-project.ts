import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import { isForeignKeyViolation } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { projects } from './project.table';
import { getProjectRow, projectKey, toProject } from './project-row';

/** A project documents refer to cannot be deleted (the foreign keys refuse); make it inactive. */
export async function deleteProject(
  tx: TenantTransaction,
  actor: ActorContext,
  projectId: string,
  version: number,
): Promise<void> {
  const [current] = await tx.db
    .select()
    .from(projects)
    .where(projectKey(tx, projectId))
    .for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  const before = toProject(await getProjectRow(tx, projectId));
  await tx.db
    .delete(projects)
    .where(projectKey(tx, projectId))
    .catch((error: unknown) => {
      if (isForeignKeyViolation(error)) throw new AppError('project_in_use');
      throw error;
    });
  await writeAudit(tx, actor, {
    event: 'project.deleted',
    targetType: 'project',
    targetId: projectId,
    before,
  });
}
