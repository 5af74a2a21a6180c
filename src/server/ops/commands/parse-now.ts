import { OpsError } from '../ops-tenants';

/** --now: the clock a scheduled command runs at, so tests and drills can move time. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const now = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(now.getTime())) {
    throw new OpsError(
      `--now は ISO 8601 の日時で指定してください（例 2026-11-26T03:00:00Z） / --now must be an ISO 8601 time: ${value}`,
    );
  }
  return now;
}
