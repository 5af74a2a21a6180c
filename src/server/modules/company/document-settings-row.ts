import type { AddressSource, DocumentType } from '../../../domain/company/print-settings';
import { defaultPrintSettings } from '../../../domain/company/print-settings';
import {
  defaultEntryCheckSettings,
  type EntryCheckMode,
} from '../../../domain/documents/entry-checks';
import type { EntryChecks, PrintSettingsItem } from './document-settings.schema';
import type { documentEntryChecks, documentPrintSettings } from './document-settings.table';

type PrintRow = typeof documentPrintSettings.$inferSelect;

export function toPrintSettings(row: PrintRow): PrintSettingsItem {
  return {
    documentType: row.documentType as DocumentType,
    title: row.title,
    showLogo: row.showLogo,
    showSeal: row.showSeal,
    showBankAccounts: row.showBankAccounts,
    showRegistrationNumber: row.showRegistrationNumber,
    footerNote: row.footerNote,
    addressSource: row.addressSource as AddressSource,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const unsavedPrintSettings = (type: DocumentType): PrintSettingsItem => ({
  ...defaultPrintSettings(type),
  version: 0,
  updatedAt: null,
});

type EntryRow = typeof documentEntryChecks.$inferSelect;

export function toEntryChecks(row: EntryRow | undefined): EntryChecks {
  if (!row) return { ...defaultEntryCheckSettings, version: 0, updatedAt: null };
  return {
    project: row.project as EntryCheckMode,
    quantity: row.quantity as EntryCheckMode,
    unitPrice: row.unitPrice as EntryCheckMode,
    cost: row.cost as EntryCheckMode,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
