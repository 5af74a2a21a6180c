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
import type { CompanyImageInfo, CompanyImageUpload } from './company-profile.schema';

const imageFacts = (row: typeof companyImages.$inferSelect | undefined) =>
  row && {
    contentType: row.contentType,
    width: row.width,
    height: row.height,
    byteSize: row.byteSize,
    sha256: row.sha256,
  };

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
