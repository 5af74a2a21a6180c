import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used by the server process, by this PostgreSQL instance (postmaster and
 * its backends) and by this process (the load generator), from /proc. On a 2-core machine the
 * three compete, so the split per response explains a throughput ratio better than req/s alone.
 * Linux only; elsewhere every figure is NaN.
 */
export interface CpuSeconds {
  server: number;
  postgres: number;
  loadGenerator: number;
  /** Everything else on the machine (other users' tests, browsers …): a disturbed measurement. */
  other: number;
}

/** Raw readings; PostgreSQL is kept per process because backends come and go between readings. */
export interface CpuReading {
  server: number;
  postgres: Map<number, number>;
  loadGenerator: number;
  /** All non-idle CPU time of the machine (/proc/stat). */
  machine: number;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcStat {
  pid: number;
  ppid: number;
  seconds: number;
}

function readStat(pid: number | string): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; the fields after it are space-separated.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      pid: Number(pid),
      ppid: Number(fields[1]),
      seconds: (Number(fields[11]) + Number(fields[12])) / clockTicks(),
    };
  } catch {
    return null;
  }
}

export function readCpu(serverPid: number, postmasterPid: number): CpuReading {
  const postgres = new Map<number, number>();
  if (existsSync('/proc/self/stat')) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readStat(entry);
      if (stat && (stat.pid === postmasterPid || stat.ppid === postmasterPid)) {
        postgres.set(stat.pid, stat.seconds);
      }
    }
  }
  const usage = process.cpuUsage();
  return {
    server: readStat(serverPid)?.seconds ?? Number.NaN,
    postgres,
    loadGenerator: (usage.user + usage.system) / 1e6,
    machine: machineBusySeconds(),
  };
}

/**
 * CPU seconds used between two readings. A backend that appeared in between counts in full; one
 * that exited in between is lost, which is harmless here: the measured target's pool keeps its
 * connections for the whole run, and the backends that close are other targets' idle ones.
 */
export function cpuBetween(before: CpuReading, after: CpuReading): CpuSeconds {
  if (after.postgres.size === 0) {
    return {
      server: Number.NaN,
      postgres: Number.NaN,
      loadGenerator: Number.NaN,
      other: Number.NaN,
    };
  }
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) {
    postgres += seconds - (before.postgres.get(pid) ?? 0);
  }
  const server = after.server - before.server;
  const loadGenerator = after.loadGenerator - before.loadGenerator;
  const other = after.machine - before.machine - server - postgres - loadGenerator;
  return { server, postgres, loadGenerator, other: Math.max(0, other) };
}

/** Non-idle CPU seconds of the whole machine since boot: the first line of /proc/stat. */
function machineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const busy = ticks.reduce((sum, value) => sum + value, 0) - ticks[3]! - ticks[4]!;
    return busy / clockTicks();
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds a process has used so far (NaN when it has gone). */
export function processCpuSeconds(pid: number): number {
  return readStat(pid)?.seconds ?? Number.NaN;
}

/** The postmaster's pid: the first line of postmaster.pid in the data directory. */
export function postmasterPid(pgDataDir: string): number {
  return Number(readFileSync(`${pgDataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
}
