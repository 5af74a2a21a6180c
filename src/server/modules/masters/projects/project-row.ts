import { and, eq } from 'drizzle-orm';
import { isForeignKeyViolation, isUniqueViolation } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { customers } from '../../partners/customers/customer.table';
import type { Project } from './project.schema';
import { projects } from './project.table';

/** Projects with their customer's code and name, in one query. */
export function selectProjects(tx: TenantTransaction) {
  return tx.db
    .select({ project: projects, customerCode: customers.code, customerName: customers.name })
    .from(projects)
    .leftJoin(
      customers,
      and(eq(customers.tenantId, projects.tenantId), eq(customers.customerId, projects.customerId)),
    );
}

type ProjectRow = {
  project: typeof projects.$inferSelect;
  customerCode: string | null;
  customerName: string | null;
};

export function toProject({ project, customerCode, customerName }: ProjectRow): Project {
  return {
    projectId: project.projectId,
    code: project.code,
    name: project.name,
    customerId: project.customerId,
    customer:
      customerCode === null || customerName === null
        ? null
        : { code: customerCode, name: customerName },
    startsOn: project.startsOn,
    endsOn: project.endsOn,
    notes: project.notes,
    isActive: project.isActive,
    version: project.version,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}

export function projectKey(tx: TenantTransaction, projectId: string) {
  return and(eq(projects.tenantId, tx.tenantId), eq(projects.projectId, projectId));
}

export async function getProjectRow(tx: TenantTransaction, projectId: string) {
  const [row] = await selectProjects(tx).where(projectKey(tx, projectId));
  if (!row) throw new AppError('not_found');
  return row;
}

/** A taken code or a customer that is not this tenant's become errors on their fields. */
export function rethrowProjectWriteError(error: unknown): never {
  if (isUniqueViolation(error, 'projects_code_key')) {
    throw new AppError('project_code_taken', {
      errors: [{ path: 'code', message: 'この物件コードは既に登録されています' }],
    });
  }
  if (isForeignKeyViolation(error)) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'customerId', message: '得意先が見つかりません。選び直してください' }],
    });
  }
  throw error;
}
