import { and, eq, sql } from 'drizzle-orm';
import {
  type AddressSource,
  type DocumentType,
  defaultPrintSettings,
  documentTypes,
} from '../../../domain/company/print-settings';
import {
  defaultEntryCheckSettings,
  type EntryCheckMode,
} from '../../../domain/documents/entry-checks';
import { auditDiff } from '../../platform/audit/audit-diff';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type {
  EntryChecks,
  EntryChecksUpdate,
  PrintSettingsItem,
  PrintSettingsUpdate,
} from './document-settings.schema';
import { documentEntryChecks, documentPrintSettings } from './document-settings.table';

type PrintRow = typeof documentPrintSettings.$inferSelect;

function toPrintSettings(row: PrintRow): PrintSettingsItem {
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

const unsavedPrintSettings = (type: DocumentType): PrintSettingsItem => ({
  ...defaultPrintSettings(type),
  version: 0,
  updatedAt: null,
});

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

/** Version 0 creates the type's row; a concurrent first save meets it on the primary key. */
export async function updatePrintSettings(
  tx: TenantTransaction,
  actor: ActorContext,
  { version, ...input }: PrintSettingsUpdate,
): Promise<PrintSettingsItem> {
  const where = and(
    eq(documentPrintSettings.tenantId, tx.tenantId),
    eq(documentPrintSettings.documentType, input.documentType),
  );
  const [current] = await tx.db.select().from(documentPrintSettings).where(where).for('update');
  if ((current?.version ?? 0) !== version) throw new AppError('version_conflict');
  const [saved] = current
    ? await tx.db
        .update(documentPrintSettings)
        .set({ ...input, version: version + 1, updatedAt: sql`now()` })
        .where(where)
        .returning()
    : await tx.db
        .insert(documentPrintSettings)
        .values({ tenantId: tx.tenantId, ...input })
        .onConflictDoNothing()
        .returning();
  if (!saved) throw new AppError('version_conflict');
  const after = toPrintSettings(saved);
  await writeAudit(tx, actor, {
    event: 'company.print_settings_updated',
    targetType: 'document_print_settings',
    targetId: input.documentType,
    ...auditDiff(
      current ? toPrintSettings(current) : unsavedPrintSettings(input.documentType),
      after,
    ),
  });
  return after;
}

type EntryRow = typeof documentEntryChecks.$inferSelect;

function toEntryChecks(row: EntryRow | undefined): EntryChecks {
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

export async function getEntryChecks(tx: TenantTransaction): Promise<EntryChecks> {
  const [row] = await tx.db
    .select()
    .from(documentEntryChecks)
    .where(eq(documentEntryChecks.tenantId, tx.tenantId));
  return toEntryChecks(row);
}

export async function updateEntryChecks(
  tx: TenantTransaction,
  actor: ActorContext,
  { version, ...input }: EntryChecksUpdate,
): Promise<EntryChecks> {
  const where = eq(documentEntryChecks.tenantId, tx.tenantId);
  const [current] = await tx.db.select().from(documentEntryChecks).where(where).for('update');
  if ((current?.version ?? 0) !== version) throw new AppError('version_conflict');
  const [saved] = current
    ? await tx.db
        .update(documentEntryChecks)
        .set({ ...input, version: version + 1, updatedAt: sql`now()` })
        .where(where)
        .returning()
    : await tx.db
        .insert(documentEntryChecks)
        .values({ tenantId: tx.tenantId, ...input })
        .onConflictDoNothing()
        .returning();
  if (!saved) throw new AppError('version_conflict');
  const after = toEntryChecks(saved);
  await writeAudit(tx, actor, {
    event: 'company.entry_checks_updated',
    targetType: 'document_entry_checks',
    targetId: tx.tenantId,
    ...auditDiff(toEntryChecks(current), after),
  });
  return after;
}
