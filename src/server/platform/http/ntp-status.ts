import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export type NtpSync = 'synchronized' | 'unsynchronized' | 'unknown';

/**
 * Whether the host clock is NTP-synchronised (白書 §12), as systemd reports it; 'unknown'
 * wherever that cannot be read within a short timeout. Never throws: the health check must
 * not fail because of it. Cached briefly, as probes call often.
 */
let cached: { value: NtpSync; at: number } | null = null;
const CACHE_MS = 30_000;

export async function ntpSyncState(): Promise<NtpSync> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const value = (await readTimedatectl().catch(() => null)) ?? (await readTimesyncFlag());
  cached = { value, at: Date.now() };
  return value;
}

function readTimedatectl(): Promise<NtpSync | null> {
  return new Promise((resolve) => {
    execFile(
      'timedatectl',
      ['show', '-p', 'NTPSynchronized', '--value'],
      { timeout: 500 },
      (error, stdout) => {
        if (error) return resolve(null);
        const answer = stdout.trim();
        resolve(answer === 'yes' ? 'synchronized' : answer === 'no' ? 'unsynchronized' : null);
      },
    );
  });
}

/** systemd-timesyncd touches this file once the clock is synchronised. */
async function readTimesyncFlag(): Promise<NtpSync> {
  try {
    await readFile('/run/systemd/timesync/synchronized');
    return 'synchronized';
  } catch {
    return 'unknown';
  }
}
