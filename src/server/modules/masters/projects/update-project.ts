import { sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import type { Project, ProjectUpdate } from './project.schema';
import { projects } from './project.table';
import { getProjectRow, projectKey, rethrowProjectWriteError, toProject } from './project-row';

/** Optimistic locking: the caller sends the version it read; a newer one means a conflict. */
export async function updateProject(
  tx: TenantTransaction,
  actor: ActorContext,
  projectId: string,
  { version, ...input }: ProjectUpdate,
): Promise<Project> {
  const [current] = await tx.db
    .select()
    .from(projects)
    .where(projectKey(tx, projectId))
    .for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  const before = toProject(await getProjectRow(tx, projectId));
  await tx.db
    .update(projects)
    .set({ ...input, version: version + 1, updatedAt: sql`now()` })
    .where(projectKey(tx, projectId))
    .catch(rethrowProjectWriteError);
  const after = toProject(await getProjectRow(tx, projectId));
  await writeAudit(tx, actor, {
    event: 'project.updated',
    targetType: 'project',
    targetId: projectId,
    ...auditDiff(before, after),
  });
  return after;
}
