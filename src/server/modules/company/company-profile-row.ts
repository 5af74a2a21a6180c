import { eq } from 'drizzle-orm';
import { type CompanyImageKind, companyImageKinds } from '../../../domain/company/company-images';
import type { ImageContentType } from '../../../domain/company/image-content';
import {
  checkRegistrationNumber,
  registrationNumberMessages,
} from '../../../domain/invoice/registration-number';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { companyImages } from './company-image.table';
import type { CompanyImageInfo, CompanyProfile } from './company-profile.schema';
import type { companyProfiles } from './company-profile.table';

type ProfileRow = typeof companyProfiles.$inferSelect;

export const emptyProfileFields = {
  companyName: '',
  companyKana: '',
  representativeTitle: '',
  representativeName: '',
  postalCode: '',
  address1: '',
  address2: '',
  phone: '',
  fax: '',
  email: '',
  url: '',
  registrationNumber: '',
};

export type ProfileFields = typeof emptyProfileFields;

export function profileFields(row: ProfileRow): ProfileFields {
  return Object.fromEntries(
    Object.keys(emptyProfileFields).map((key) => [key, row[key as keyof ProfileFields]]),
  ) as ProfileFields;
}

export function registrationNumberWarning(value: string): string | null {
  return checkRegistrationNumber(value).kind === 'checkDigitMismatch'
    ? registrationNumberMessages.checkDigitMismatch
    : null;
}

/** Image facts without the bytes, which only the image route sends. */
export async function findImageInfos(
  tx: TenantTransaction,
): Promise<Record<CompanyImageKind, CompanyImageInfo | null>> {
  const rows = await tx.db
    .select({
      kind: companyImages.kind,
      contentType: companyImages.contentType,
      width: companyImages.width,
      height: companyImages.height,
      byteSize: companyImages.byteSize,
      sha256: companyImages.sha256,
      updatedAt: companyImages.updatedAt,
    })
    .from(companyImages)
    .where(eq(companyImages.tenantId, tx.tenantId));
  const infos = Object.fromEntries(companyImageKinds.map((kind) => [kind, null])) as Record<
    CompanyImageKind,
    CompanyImageInfo | null
  >;
  for (const row of rows) {
    infos[row.kind as CompanyImageKind] = {
      contentType: row.contentType as ImageContentType,
      width: row.width,
      height: row.height,
      byteSize: row.byteSize,
      etag: row.sha256,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
  return infos;
}

export async function toCompanyProfile(
  tx: TenantTransaction,
  row: ProfileRow | undefined,
): Promise<CompanyProfile> {
  const fields = row ? profileFields(row) : emptyProfileFields;
  return {
    ...fields,
    registrationNumberWarning: registrationNumberWarning(fields.registrationNumber),
    images: await findImageInfos(tx),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
