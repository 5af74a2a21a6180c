import { z } from 'zod';
import { checkRegistrationNumber, registrationNumberMessages } from './registration-number';

/**
 * 登録状況 of a supplier under the qualified-invoice system: whether its invoices allow the
 * input tax credit, from which date (登録日), or that the buyer is still checking.
 */
export const registrationStatuses = {
  registered: { label: '登録済' },
  unregistered: { label: '未登録' },
  checking: { label: '確認中' },
  revoked: { label: '登録取消' },
} as const;
export type RegistrationStatus = keyof typeof registrationStatuses;
export const registrationStatusSchema = z
  .enum(Object.keys(registrationStatuses) as [RegistrationStatus, ...RegistrationStatus[]])
  .default('unregistered');

/** The non-blocking remark the API and the form show for a saved number, or null. */
export function registrationNumberWarning(number: string): string | null {
  return checkRegistrationNumber(number).kind === 'checkDigitMismatch'
    ? registrationNumberMessages.checkDigitMismatch
    : null;
}
