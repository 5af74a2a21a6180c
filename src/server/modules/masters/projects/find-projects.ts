import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { PROJECT_LIMIT, type projectListQuerySchema } from './project.schema';
import { projects } from './project.table';
import { selectProjects, toProject } from './project-row';

/** In code order; a company's projects number in the hundreds, so the list says when it stops. */
export async function findProjects(
  tx: TenantTransaction,
  query: z.infer<typeof projectListQuerySchema>,
) {
  const rows = await selectProjects(tx)
    .where(
      and(
        query.active === 'all' ? undefined : eq(projects.isActive, query.active === 'true'),
        query.customerId ? eq(projects.customerId, query.customerId) : undefined,
      ),
    )
    .orderBy(asc(projects.code))
    .limit(PROJECT_LIMIT + 1);
  return {
    items: rows.slice(0, PROJECT_LIMIT).map(toProject),
    isTruncated: rows.length > PROJECT_LIMIT,
  };
}
