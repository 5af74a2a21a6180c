import { eq } from 'drizzle-orm';
import { documentTypes } from '../../../domain/company/print-settings';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { PrintSettingsItem } from './document-settings.schema';
import { documentPrintSettings } from './document-settings.table';
import { toPrintSettings, unsavedPrintSettings } from './document-settings-row';

/** Every document type in menu order: the saved settings, or the defaults at version 0. */
export async function findPrintSettings(
  tx: TenantTransaction,
): Promise<{ items: PrintSettingsItem[] }> {
  const rows = await tx.db
    .select()
    .from(documentPrintSettings)
    .where(eq(documentPrintSettings.tenantId, tx.tenantId));
  const saved = new Map(rows.map((row) => [row.documentType, row]));
  return {
    items: documentTypes.map((type) => {
      const row = saved.get(type);
      return row ? toPrintSettings(row) : unsavedPrintSettings(type);
    }),
  };
}
