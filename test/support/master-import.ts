import iconv from 'iconv-lite';
import type { ImportJob } from '../../src/server/modules/master-io/import-job.schema';
import { api, type TestApp } from './app';

/** CSV text as Excel writes it for Japanese Windows: CP932, CRLF, no BOM. */
export function excelCsv(lines: string[]): Buffer {
  return iconv.encode(lines.map((line) => `${line}\r\n`).join(''), 'cp932');
}

/** Polls the job until its stage is finished (the runner works after the response). */
export async function waitForJob(
  t: TestApp,
  cookie: string,
  master: string,
  jobId: string,
  timeoutMs = 60_000,
): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api(t, cookie).get(`/api/v1/${master}/imports/${jobId}`);
    if (response.statusCode !== 200)
      throw new Error(`poll ${response.statusCode} ${response.body}`);
    const job = response.json() as ImportJob;
    if (job.state === 'succeeded' || job.state === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Upload → preview finished. */
export async function previewFile(
  t: TestApp,
  cookie: string,
  master: string,
  file: Buffer,
  options: {
    mode?: 'create' | 'upsert';
    hasHeader?: 'auto' | 'yes' | 'no';
    fileName?: string;
  } = {},
): Promise<ImportJob> {
  const response = await api(t, cookie).post(`/api/v1/${master}/imports`, {
    fileName: options.fileName ?? 'import.csv',
    data: file.toString('base64'),
    mode: options.mode ?? 'create',
    hasHeader: options.hasHeader ?? 'auto',
  });
  if (response.statusCode !== 202)
    throw new Error(`upload ${response.statusCode} ${response.body}`);
  return waitForJob(t, cookie, master, (response.json() as ImportJob).jobId);
}

/** Preview → 取り込む → finished. */
export async function commitImport(
  t: TestApp,
  cookie: string,
  master: string,
  jobId: string,
): Promise<ImportJob> {
  const response = await api(t, cookie).post(`/api/v1/${master}/imports/${jobId}/commit`);
  if (response.statusCode !== 202)
    throw new Error(`commit ${response.statusCode} ${response.body}`);
  return waitForJob(t, cookie, master, jobId);
}
