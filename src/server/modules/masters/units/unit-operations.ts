import { and, asc, eq, sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import { isUniqueViolation } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import { AppError } from '../../../platform/http/problem';
import { DEFAULT_UNITS, type Unit, type UnitInput, type UnitUpdate } from './unit.schema';
import { units } from './unit.table';

const toUnit = ({ unitId, name, sortOrder, version }: typeof units.$inferSelect): Unit => ({
  unitId,
  name,
  sortOrder,
  version,
});

const unitKey = (tx: TenantTransaction, unitId: string) =>
  and(eq(units.tenantId, tx.tenantId), eq(units.unitId, unitId));

function rethrowNameTaken(error: unknown): never {
  if (isUniqueViolation(error, 'units_name_key')) {
    throw new AppError('unit_name_taken', {
      errors: [{ path: 'name', message: 'この単位は既に登録されています' }],
    });
  }
  throw error;
}

export async function findUnits(tx: TenantTransaction): Promise<{ items: Unit[] }> {
  const rows = await tx.db.select().from(units).orderBy(asc(units.sortOrder), asc(units.name));
  return { items: rows.map(toUnit) };
}

/** A new organisation's starting list (written by tenant creation, audited there). */
export async function insertDefaultUnits(tx: TenantTransaction): Promise<void> {
  await tx.db.insert(units).values(
    DEFAULT_UNITS.map((name, index) => ({
      tenantId: tx.tenantId,
      unitId: uuidv7(),
      name,
      sortOrder: (index + 1) * 10,
    })),
  );
}

export async function createUnit(
  tx: TenantTransaction,
  actor: ActorContext,
  input: UnitInput,
): Promise<Unit> {
  const [row] = await tx.db
    .insert(units)
    .values({ tenantId: tx.tenantId, unitId: uuidv7(), ...input })
    .returning()
    .catch(rethrowNameTaken);
  const unit = toUnit(row!);
  await writeAudit(tx, actor, {
    event: 'unit.created',
    targetType: 'unit',
    targetId: unit.unitId,
    after: input,
  });
  return unit;
}

export async function updateUnit(
  tx: TenantTransaction,
  actor: ActorContext,
  unitId: string,
  { version, ...input }: UnitUpdate,
): Promise<Unit> {
  const [current] = await tx.db.select().from(units).where(unitKey(tx, unitId)).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  const [row] = await tx.db
    .update(units)
    .set({ ...input, version: sql`${units.version} + 1` })
    .where(unitKey(tx, unitId))
    .returning()
    .catch(rethrowNameTaken);
  const after = toUnit(row!);
  await writeAudit(tx, actor, {
    event: 'unit.updated',
    targetType: 'unit',
    targetId: unitId,
    ...auditDiff(toUnit(current), after),
  });
  return after;
}

/** Products and document lines keep the unit as text, so deleting one from the list is safe. */
export async function deleteUnit(
  tx: TenantTransaction,
  actor: ActorContext,
  unitId: string,
  version: number,
): Promise<void> {
  const [current] = await tx.db.select().from(units).where(unitKey(tx, unitId)).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  await tx.db.delete(units).where(unitKey(tx, unitId));
  await writeAudit(tx, actor, {
    event: 'unit.deleted',
    targetType: 'unit',
    targetId: unitId,
    before: toUnit(current),
  });
}
