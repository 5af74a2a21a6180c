import type pg from 'pg';
import type { Config } from '../platform/config';

export interface OpsIo {
  out(line: string): void;
  err(line: string): void;
  /** All of standard input (for secrets passed without the command line). */
  readInput?(): Promise<string>;
}

/** One `npm run ops -- <name> …` command; returns the process exit code. */
export interface OpsCommand {
  name: string;
  usage: string;
  summary: string;
  run(
    args: string[],
    context: { pool: pg.Pool; io: OpsIo; config: Config; env: NodeJS.ProcessEnv },
  ): Promise<number>;
}
