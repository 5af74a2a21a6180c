import { and, eq } from 'drizzle-orm';
import type { CompanyImageKind } from '../../../domain/company/company-images';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { companyImages } from './company-image.table';
import { imageFacts } from './company-image-row';

export async function deleteCompanyImage(
  tx: TenantTransaction,
  actor: ActorContext,
  kind: CompanyImageKind,
): Promise<void> {
  const where = and(eq(companyImages.tenantId, tx.tenantId), eq(companyImages.kind, kind));
  const [before] = await tx.db.delete(companyImages).where(where).returning();
  if (!before) throw new AppError('not_found');
  await writeAudit(tx, actor, {
    event: 'company.image_deleted',
    targetType: 'company_image',
    targetId: kind,
    before: imageFacts(before),
  });
}
