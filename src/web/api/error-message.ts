import { errorCatalogue } from '../../domain/errors/error-codes';
import type { Language } from '../i18n/i18n';
import type { Messages } from '../i18n/ja';
import { isApiError } from './client';

/** A person-readable sentence for any failure, in the UI language, from the shared catalogue. */
export function errorMessage(error: unknown, t: Messages, language: Language): string {
  if (!isApiError(error)) return t.errors.unknown;
  if (error.code === 'network_error') return t.errors.network;
  if (error.code in errorCatalogue) {
    return errorCatalogue[error.code as keyof typeof errorCatalogue][language];
  }
  return error.problem?.title ?? t.errors.unknown;
}
