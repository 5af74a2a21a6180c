import type pg from 'pg';
import type { Config } from '../platform/config';

export interface OpsIo {
  out(line: string): void;
  err(line: string): void;
}

/** One `npm run ops -- <name> …` command; returns the process exit code. */
export interface OpsCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], context: { pool: pg.Pool; io: OpsIo; config: Config }): Promise<number>;
}
