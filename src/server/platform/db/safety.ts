import type pg from 'pg';

/**
 * Row-level security means nothing if the runtime role can step around it. Refuse to serve
 * when the role (or any role it can become) is a superuser, has BYPASSRLS, or owns objects.
 */
export async function assertRuntimeRoleIsSafe(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{
    rolname: string;
    rolsuper: boolean;
    rolbypassrls: boolean;
    owned: number;
  }>(`
    SELECT r.rolname, r.rolsuper, r.rolbypassrls,
           (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid)
         + (SELECT count(*)::int FROM pg_namespace n WHERE n.nspowner = r.oid AND n.nspname = 'app') AS owned
    FROM pg_roles r
    WHERE pg_has_role(current_user, r.oid, 'MEMBER')`);
  const problems = rows.flatMap((role) => [
    ...(role.rolsuper ? [`${role.rolname} is a superuser`] : []),
    ...(role.rolbypassrls ? [`${role.rolname} has BYPASSRLS`] : []),
    ...(role.owned > 0 ? [`${role.rolname} owns ${role.owned} relations`] : []),
  ]);
  if (problems.length > 0) {
    throw new UnsafeRuntimeRoleError(problems);
  }
}

export class UnsafeRuntimeRoleError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Refusing to start: the runtime database role could bypass row-level security (${problems.join('; ')}). ` +
        'Point DATABASE_URL at a role that is not superuser, has no BYPASSRLS and owns nothing.',
    );
    this.name = 'UnsafeRuntimeRoleError';
  }
}
