import type { companyImages } from './company-image.table';

/** What the audit log keeps of an image: its facts and hash, never its bytes. */
export const imageFacts = (row: typeof companyImages.$inferSelect | undefined) =>
  row && {
    contentType: row.contentType,
    width: row.width,
    height: row.height,
    byteSize: row.byteSize,
    sha256: row.sha256,
  };
