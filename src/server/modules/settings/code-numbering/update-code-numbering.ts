import { sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { getCodeNumbering } from './code-numbering';
import type { CodeNumbering, CodeNumberingUpdate } from './code-numbering.schema';
import { codeNumberingSettings } from './code-numbering.table';

/** Saves the sent kinds with optimistic locking per kind (version 0 = never saved). */
export async function updateCodeNumbering(
  tx: TenantTransaction,
  actor: ActorContext,
  input: CodeNumberingUpdate,
): Promise<CodeNumbering> {
  await tx.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `code-numbering-settings:${tx.tenantId}`,
  ]);
  const before = await getCodeNumbering(tx);
  const changed = input.items.filter((item) => {
    const current = before.items.find((entry) => entry.kind === item.kind)!;
    if (current.version !== item.version) throw new AppError('version_conflict');
    return current.isAuto !== item.isAuto || current.width !== item.width;
  });
  for (const { kind, isAuto, width } of changed) {
    await tx.db
      .insert(codeNumberingSettings)
      .values({ tenantId: tx.tenantId, kind, isAuto, width })
      .onConflictDoUpdate({
        target: [codeNumberingSettings.tenantId, codeNumberingSettings.kind],
        set: {
          isAuto,
          width,
          version: sql`${codeNumberingSettings.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
  }
  const after = await getCodeNumbering(tx);
  if (changed.length > 0) {
    const pick = (state: CodeNumbering) =>
      state.items
        .filter((item) => changed.some((c) => c.kind === item.kind))
        .map(({ kind, isAuto, width }) => ({ kind, isAuto, width }));
    await writeAudit(tx, actor, {
      event: 'settings.code_numbering_updated',
      targetType: 'code_numbering_settings',
      targetId: tx.tenantId,
      before: { items: pick(before) },
      after: { items: pick(after) },
    });
  }
  return after;
}
