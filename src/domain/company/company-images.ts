import { type ImageContentType, inspectImage } from './image-content';

/** 自社ロゴ and 角印 (社印), printed on documents (flam-features §2.7). */
export const companyImageKinds = ['logo', 'seal'] as const;
export type CompanyImageKind = (typeof companyImageKinds)[number];

export const companyImageLabels: Record<CompanyImageKind, string> = {
  logo: '自社ロゴ',
  seal: '角印',
};

/** Large enough for a sharp print at A4 sizes, small enough to keep in the database. */
export const COMPANY_IMAGE_MAX_BYTES = 1_048_576;
export const COMPANY_IMAGE_MAX_PIXELS = 2000;

export type CompanyImageCheck =
  | { kind: 'ok'; contentType: ImageContentType; width: number; height: number }
  | { kind: 'too_large' }
  | { kind: 'invalid' }
  | { kind: 'type_mismatch'; actual: ImageContentType }
  | { kind: 'dimensions_exceeded'; width: number; height: number };

/**
 * The whole upload rule, shared by the server (authoritative) and the form (early feedback):
 * size, real content, declared type = real type, and pixel dimensions.
 */
export function checkCompanyImage(
  bytes: Uint8Array,
  declared: ImageContentType,
): CompanyImageCheck {
  if (bytes.length > COMPANY_IMAGE_MAX_BYTES) return { kind: 'too_large' };
  const image = inspectImage(bytes);
  if (image.kind === 'invalid') return { kind: 'invalid' };
  if (image.contentType !== declared) return { kind: 'type_mismatch', actual: image.contentType };
  if (image.width > COMPANY_IMAGE_MAX_PIXELS || image.height > COMPANY_IMAGE_MAX_PIXELS) {
    return { kind: 'dimensions_exceeded', width: image.width, height: image.height };
  }
  return { kind: 'ok', contentType: image.contentType, width: image.width, height: image.height };
}
