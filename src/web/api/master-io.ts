import type {
  FileFormat,
  ImportJob,
  ImportMode,
  MasterKind,
} from '../../server/modules/master-io/import-job.schema';
import type { Problem } from '../../server/platform/http/problem';
import { activeLanguage } from '../i18n/i18n';
import { ApiError, apiRequest, CSRF_HEADER, CSRF_HEADER_VALUE } from './client';

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

/**
 * Downloads an export or template through fetch (not a plain link), so a refusal such as
 * export_unencodable arrives as a problem the screen can show.
 */
export async function downloadMasterFile(
  master: MasterKind,
  kind: 'export' | 'import-template',
  query: Record<string, string | undefined>,
): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  let response: Response;
  try {
    response = await fetch(`/api/v1/${master}/${kind}?${params}`, {
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'accept-language': activeLanguage() },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', null);
  }
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem?.code ?? 'unexpected_response', problem);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : `${master}.csv`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
