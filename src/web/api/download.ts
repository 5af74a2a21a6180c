import { activeLanguage } from '../i18n/i18n';
import { ApiError, CSRF_HEADER, CSRF_HEADER_VALUE, failedResponse } from './client';

/**
 * Downloads a file through fetch rather than a plain link, so a refusal (429 while another
 * export of the tenant runs, export_unencodable, an expired session) arrives as a problem the
 * screen shows in the user's language, instead of a JSON page or a failed download. The
 * browser keeps a large body as a Blob, on disk when it must; the file name comes from the
 * response's Content-Disposition.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'accept-language': activeLanguage() },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', null);
  }
  if (!response.ok) throw await failedResponse(response);
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    // The body broke off after a 200 (the connection dropped or the export failed midway).
    throw new ApiError(0, 'network_error', null);
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition') ?? '') ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameOf(disposition: string): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}
