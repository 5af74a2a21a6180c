import { and, eq } from 'drizzle-orm';
import type { CompanyImageKind } from '../../../domain/company/company-images';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { companyImages } from './company-image.table';

/** The bytes and hash only: the route sends them with headers of its own. */
export async function getCompanyImage(tx: TenantTransaction, kind: CompanyImageKind) {
  const [row] = await tx.db
    .select({
      contentType: companyImages.contentType,
      sha256: companyImages.sha256,
      content: companyImages.content,
    })
    .from(companyImages)
    .where(and(eq(companyImages.tenantId, tx.tenantId), eq(companyImages.kind, kind)));
  if (!row) throw new AppError('not_found');
  return row;
}
