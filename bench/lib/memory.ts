import { readFileSync } from 'node:fs';

/** Resident set size of a process in MiB, from /proc/<pid>/status (VmRSS, in kB). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Samples a process's RSS every `intervalMs` until stopped; keeps the peak and the samples. */
export function sampleResident(pid: number, intervalMs = 250) {
  const samples: number[] = [];
  const take = () => {
    try {
      samples.push(residentMiB(pid));
    } catch {
      // The process has gone; the caller notices elsewhere.
    }
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop(): { peak: number; samples: number[] } {
      clearInterval(timer);
      take();
      return { peak: Math.max(...samples), samples };
    },
  };
}
