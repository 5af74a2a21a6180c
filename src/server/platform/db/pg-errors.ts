/**
 * PostgreSQL error fields, wherever they sit: drizzle wraps driver errors in its own error
 * with the original as `cause`.
 */
interface PgErrorFields {
  code?: string;
  constraint?: string;
}

export function pgErrorFields(error: unknown): PgErrorFields {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const fields = current as PgErrorFields & { cause?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
    current = fields.cause;
  }
  return {};
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const fields = pgErrorFields(error);
  return fields.code === '23505' && fields.constraint === constraint;
}

/** A row still referenced elsewhere (ON DELETE RESTRICT / NO ACTION). */
export function isForeignKeyViolation(error: unknown): boolean {
  return pgErrorFields(error).code === '23503';
}
