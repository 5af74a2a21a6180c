import { cpus, loadavg } from 'node:os';
import {
  type CsvEncoding,
  decodeTable,
  type ExportCell,
  encodeTable,
  type TabularFormat,
} from '../src/server/platform/tabular/tabular';
import { replaceGeneratedBlock } from './lib/docs-block';

/**
 * Spreadsheet codecs on a master-sized file: 100,000 rows × 20 columns of the kind a customer
 * export has (codes with leading zeros, kanji and kana names, addresses, amounts, dates).
 * Each operation runs a few times in this process, one core; the best and the median run are
 * shown. Rewrites the block in docs/benchmarks.md unless `--no-docs`.
 */
const ROWS = Number(process.env.BENCH_TABULAR_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_TABULAR_RUNS ?? 3);

const names = ['㈱髙橋商店', '有限会社ｶﾌﾞｼｷ', '株式会社　山田製作所', 'サトウ物産(株)', '①号店'];
const kana = ['タカハシショウテン', 'ｶﾌﾞｼｷ', 'ヤマダセイサクショ', 'サトウブッサン', 'イチゴウテン'];

function makeRows(count: number): ExportCell[][] {
  const header: ExportCell[] = Array.from({ length: 20 }, (_, c) => `項目${c + 1}`);
  const rows: ExportCell[][] = [header];
  for (let i = 0; i < count; i++) {
    const n = i % names.length;
    rows.push([
      String(i).padStart(8, '0'),
      names[n] ?? '',
      kana[n] ?? '',
      `${100 + (i % 900)}-${String(i % 10_000).padStart(4, '0')}`,
      '東京都千代田区丸の内1-1-1',
      `ビル${i % 30}階`,
      `03-${String(i % 10_000).padStart(4, '0')}-0000`,
      i % 7 === 0 ? null : `info${i}@example.jp`,
      i * 13,
      (i % 1000) / 8,
      '2026-11-26',
      i % 2 === 0 ? '外税' : '内税',
      '切捨て',
      `T${String(1_000_000_000_000 + i)}`,
      'note with "quotes", commas',
      i % 3,
      '',
      '0012',
      '=not a formula',
      '末',
    ]);
  }
  return rows;
}

interface Timing {
  wall: number;
  cpu: number;
}

/**
 * Wall time and this process's CPU time (user + system) per run, best run by wall time. On a
 * shared machine wall time includes waiting for a core; CPU time is the work itself.
 */
function time(work: () => void): { best: Timing; median: Timing } {
  const samples: Timing[] = [];
  for (let r = 0; r < RUNS; r++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(cpu);
    samples.push({
      wall: Number(process.hrtime.bigint() - started) / 1e9,
      cpu: (used.user + used.system) / 1e6,
    });
  }
  samples.sort((a, b) => a.wall - b.wall);
  const fallback = { wall: 0, cpu: 0 };
  return {
    best: samples[0] ?? fallback,
    median: samples[Math.floor(samples.length / 2)] ?? fallback,
  };
}

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' / ');
const rows = makeRows(ROWS);
const lines: string[] = [];
const cases: { format: TabularFormat; encoding?: CsvEncoding }[] = [
  { format: 'csv', encoding: 'utf-8-bom' },
  { format: 'csv', encoding: 'cp932' },
  { format: 'xlsx' },
];
for (const options of cases) {
  const label = options.encoding ? `CSV ${options.encoding}` : 'XLSX';
  let bytes: Buffer = Buffer.alloc(0);
  const encode = time(() => {
    const result = encodeTable(rows, options);
    if (!result.ok) throw new Error('unencodable');
    bytes = result.bytes;
  });
  let decodedRows = 0;
  const decode = time(() => {
    decodedRows = decodeTable(bytes, options.format).rows.length;
  });
  if (decodedRows !== rows.length) throw new Error(`${label}: read ${decodedRows} rows`);
  const mb = (bytes.length / 1024 / 1024).toFixed(1);
  const row = (op: string, t: { best: Timing; median: Timing }) =>
    `| ${label} | ${op} | ${mb} MB | ${t.best.wall.toFixed(2)} | ${t.best.cpu.toFixed(2)} | ${t.median.wall.toFixed(2)} | ${t.median.cpu.toFixed(2)} |`;
  lines.push(row('decode (import)', decode), row('encode (export)', encode));
  console.log(lines.slice(-2).join('\n'));
}

const block = [
  `Last run: **${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC**, ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}; load average before: ${load}.`,
  '',
  `${ROWS.toLocaleString('en')} rows × 20 columns plus a header, best and median of ${RUNS} runs in one process (one core).`,
  '',
  '| file | operation | size | best: wall s | best: CPU s | median: wall s | median: CPU s |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ...lines,
].join('\n');

if (!process.argv.includes('--no-docs')) {
  replaceGeneratedBlock('docs/benchmarks.md', 'tabular', block);
  console.log('\nresults written to docs/benchmarks.md');
}
