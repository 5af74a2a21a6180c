import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import type { Project } from './project.schema';
import { getProjectRow, toProject } from './project-row';

export async function getProject(tx: TenantTransaction, projectId: string): Promise<Project> {
  return toProject(await getProjectRow(tx, projectId));
}
