/** Small helpers the mixed and noisy-neighbour benches share for settings and tables. */

export function envInt(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be an integer ≥ 0`);
  return parsed;
}

export function envList(name: string, fallback: number[]): number[] {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = value.split(',').map(Number);
  if (!parsed.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new Error(`${name} must be a comma-separated list of integers ≥ 1`);
  }
  return parsed;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map(line),
  ].join('\n');
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');

export const stamp = () => new Date().toISOString().slice(0, 16).replace('T', ' ');
