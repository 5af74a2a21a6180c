import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import type { Project, ProjectInput } from './project.schema';
import { projects } from './project.table';
import { getProjectRow, rethrowProjectWriteError, toProject } from './project-row';

export async function createProject(
  tx: TenantTransaction,
  actor: ActorContext,
  input: ProjectInput,
): Promise<Project> {
  const projectId = uuidv7();
  await tx.db
    .insert(projects)
    .values({ tenantId: tx.tenantId, projectId, ...input })
    .catch(rethrowProjectWriteError);
  const project = toProject(await getProjectRow(tx, projectId));
  await writeAudit(tx, actor, {
    event: 'project.created',
    targetType: 'project',
    targetId: projectId,
    after: input,
  });
  return project;
}
