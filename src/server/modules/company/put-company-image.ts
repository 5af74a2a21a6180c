import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import {
  COMPANY_IMAGE_MAX_PIXELS,
  type CompanyImageKind,
  checkCompanyImage,
} from '../../../domain/company/company-images';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { companyImages } from './company-image.table';
import { imageFacts } from './company-image-row';
import type { CompanyImageInfo, CompanyImageUpload } from './company-profile.schema';

/**
 * Stores (or replaces) the logo or seal after checking the bytes themselves; the audit row
 * records the image's facts and hash, never its content.
 */
export async function putCompanyImage(
  tx: TenantTransaction,
  actor: ActorContext,
  kind: CompanyImageKind,
  upload: CompanyImageUpload,
): Promise<CompanyImageInfo> {
  const bytes = Buffer.from(upload.data, 'base64');
  const check = checkCompanyImage(bytes, upload.contentType);
  switch (check.kind) {
    case 'too_large':
      throw new AppError('image_too_large');
    case 'invalid':
      throw new AppError('image_invalid');
    case 'type_mismatch':
      throw new AppError('image_type_mismatch', {
        detail: `ファイルの中身は ${check.actual === 'image/png' ? 'PNG' : 'JPEG'} 画像です。`,
      });
    case 'dimensions_exceeded':
      throw new AppError('image_dimensions_exceeded', {
        detail: `この画像は ${check.width}×${check.height} ピクセルです。縦横とも${COMPANY_IMAGE_MAX_PIXELS}ピクセル以内にしてください。`,
      });
  }
  const where = and(eq(companyImages.tenantId, tx.tenantId), eq(companyImages.kind, kind));
  const [before] = await tx.db.select().from(companyImages).where(where).for('update');
  const values = {
    contentType: check.contentType,
    width: check.width,
    height: check.height,
    byteSize: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
  };
  const [saved] = await tx.db
    .insert(companyImages)
    .values({ tenantId: tx.tenantId, kind, ...values })
    .onConflictDoUpdate({
      target: [companyImages.tenantId, companyImages.kind],
      set: { ...values, updatedAt: sql`now()` },
    })
    .returning({ updatedAt: companyImages.updatedAt });
  const { content: _, ...facts } = values;
  await writeAudit(tx, actor, {
    event: 'company.image_uploaded',
    targetType: 'company_image',
    targetId: kind,
    ...(before ? { before: imageFacts(before) } : {}),
    after: facts,
  });
  return {
    contentType: check.contentType,
    width: check.width,
    height: check.height,
    byteSize: bytes.length,
    etag: values.sha256,
    updatedAt: saved!.updatedAt.toISOString(),
  };
}
