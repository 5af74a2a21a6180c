import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/server/platform/db/embedded';
import { migrateDatabase } from '../../src/server/platform/db/migrate';
import { freePort } from './free-port';

export const TEMPLATE_DATABASE = 'akinai_template';

export interface TestDatabaseServer {
  port: number;
  superuserUrl: string;
  ownerRole: string;
  ownerPassword: string;
  runtimeRole: string;
  runtimePassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServer: TestDatabaseServer;
  }
}

/**
 * One real PostgreSQL for the whole run: started once, migrated once into a template database
 * that every test file clones (CREATE DATABASE … TEMPLATE takes ~0.1 s).
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'akinai-test-'));
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir, port, database: TEMPLATE_DATABASE });
  const layout = {
    ownerRole: 'akinai_owner',
    runtimeRole: 'akinai_rt',
    ownerPassword: new URL(server.ownerUrl).password,
    runtimePassword: new URL(server.runtimeUrl).password,
  };
  await migrateDatabase(server.ownerUrl);
  project.provide('databaseServer', {
    port,
    superuserUrl: server.superuserUrl,
    ownerRole: layout.ownerRole,
    ownerPassword: decodeURIComponent(layout.ownerPassword),
    runtimeRole: layout.runtimeRole,
    runtimePassword: decodeURIComponent(layout.runtimePassword),
  });
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
