import type {
  FileFormat,
  ImportJob,
  ImportMode,
  MasterKind,
} from '../../server/modules/master-io/import-job.schema';
import { apiRequest } from './client';
import { downloadFile } from './download';

export type { FileFormat, ImportJob, ImportMode, MasterKind };

export const importJobKey = (master: MasterKind, jobId: string) =>
  ['master-io', master, 'imports', jobId] as const;

/** The file as base64 (the API takes JSON, like the company images). */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export async function uploadImport(
  master: MasterKind,
  file: File,
  options: { mode: ImportMode; hasHeader: 'auto' | 'yes' | 'no' },
): Promise<ImportJob> {
  return apiRequest<ImportJob>('POST', `/${master}/imports`, {
    body: { fileName: file.name, data: await toBase64(file), ...options },
  });
}

export function getImportJob(master: MasterKind, jobId: string): Promise<ImportJob> {
  return apiRequest<ImportJob>('GET', `/${master}/imports/${jobId}`);
}

export function commitImport(master: MasterKind, jobId: string): Promise<ImportJob> {
  return apiRequest<ImportJob>('POST', `/${master}/imports/${jobId}/commit`);
}

/** An export or template, through fetch so that a refusal such as export_unencodable shows. */
export function downloadMasterFile(
  master: MasterKind,
  kind: 'export' | 'import-template',
  query: Record<string, string | undefined>,
): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return downloadFile(`/api/v1/${master}/${kind}?${params}`, `${master}.csv`);
}
