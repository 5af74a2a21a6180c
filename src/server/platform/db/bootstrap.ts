import pg from 'pg';

/**
 * Creates the roles and the database Akinai runs on, as a superuser. Used for the embedded
 * PostgreSQL and by tests; on an external server a DBA runs the equivalent SQL (README).
 */
export interface DatabaseLayout {
  database: string;
  ownerRole: string;
  ownerPassword: string;
  runtimeRole: string;
  runtimePassword: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export async function bootstrapDatabase(
  superuserUrl: string,
  layout: DatabaseLayout,
): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const owner = identifier(layout.ownerRole);
    const runtime = identifier(layout.runtimeRole);
    await ensureRole(
      client,
      layout.ownerRole,
      `LOGIN NOCREATEROLE PASSWORD ${literal(layout.ownerPassword)}`,
    );
    await ensureRole(client, 'akinai_app', 'NOLOGIN NOSUPERUSER NOBYPASSRLS');
    await ensureRole(
      client,
      layout.runtimeRole,
      `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${literal(layout.runtimePassword)}`,
    );
    await client.query(`GRANT akinai_app TO ${runtime}`);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      layout.database,
    ]);
    if (exists.rowCount === 0) {
      await client.query(
        `CREATE DATABASE ${identifier(layout.database)} OWNER ${owner} ENCODING 'UTF8' TEMPLATE template0`,
      );
    }
    await client.query(`REVOKE ALL ON DATABASE ${identifier(layout.database)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT ON DATABASE ${identifier(layout.database)} TO ${runtime}`);
  } finally {
    await client.end();
  }
}

async function ensureRole(client: pg.Client, role: string, attributes: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
  await client.query(`${verb} ROLE ${identifier(role)} ${attributes}`);
}

export function connectionUrl(
  port: number,
  user: string,
  password: string,
  database: string,
  host = '127.0.0.1',
): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`;
}
