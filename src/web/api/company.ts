import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CompanyImageKind } from '../../domain/company/company-images';
import type { ImageContentType } from '../../domain/company/image-content';
import type {
  BankAccount,
  BankAccountInput,
  BankAccountUpdate,
  bankAccountListSchema,
} from '../../server/modules/company/bank-account.schema';
import type {
  CompanyImageInfo,
  CompanyProfile,
  CompanyProfileUpdate,
} from '../../server/modules/company/company-profile.schema';
import type {
  EntryChecks,
  EntryChecksUpdate,
  PrintSettingsItem,
  PrintSettingsUpdate,
  printSettingsListSchema,
} from '../../server/modules/company/document-settings.schema';
import { apiRequest } from './client';

export const companyKeys = {
  profile: ['company', 'profile'] as const,
  bankAccounts: ['company', 'bank-accounts'] as const,
  printSettings: ['company', 'print-settings'] as const,
  entryChecks: ['company', 'entry-checks'] as const,
};

export const companyProfileQueryOptions = queryOptions({
  queryKey: companyKeys.profile,
  queryFn: ({ signal }) => apiRequest<CompanyProfile>('GET', '/company/profile', { signal }),
});

export const updateCompanyProfile = (input: CompanyProfileUpdate) =>
  apiRequest<CompanyProfile>('PUT', '/company/profile', { body: input });

/** The image's own URL; the ETag in the query makes a replaced image load afresh. */
export const companyImageUrl = (kind: CompanyImageKind, info: CompanyImageInfo) =>
  `/api/v1/company/images/${kind}?v=${info.etag.slice(0, 16)}`;

export const uploadCompanyImage = (
  kind: CompanyImageKind,
  contentType: ImageContentType,
  data: string,
) =>
  apiRequest<CompanyImageInfo>('PUT', `/company/images/${kind}`, { body: { contentType, data } });

export const deleteCompanyImage = (kind: CompanyImageKind) =>
  apiRequest<void>('DELETE', `/company/images/${kind}`);

export const bankAccountListQueryOptions = queryOptions({
  queryKey: companyKeys.bankAccounts,
  queryFn: ({ signal }) =>
    apiRequest<z.infer<typeof bankAccountListSchema>>('GET', '/company/bank-accounts', { signal }),
});

const accountPath = (id: string) => `/company/bank-accounts/${encodeURIComponent(id)}`;

export const createBankAccount = (input: BankAccountInput) =>
  apiRequest<BankAccount>('POST', '/company/bank-accounts', { body: input });

export const updateBankAccount = (id: string, input: BankAccountUpdate) =>
  apiRequest<BankAccount>('PUT', accountPath(id), { body: input });

export const deleteBankAccount = (id: string, version: number) =>
  apiRequest<void>('DELETE', accountPath(id), { query: { version } });

export const printSettingsQueryOptions = queryOptions({
  queryKey: companyKeys.printSettings,
  queryFn: ({ signal }) =>
    apiRequest<z.infer<typeof printSettingsListSchema>>('GET', '/company/print-settings', {
      signal,
    }),
});

export const updatePrintSettings = (input: PrintSettingsUpdate) =>
  apiRequest<PrintSettingsItem>('PUT', '/company/print-settings', { body: input });

export const entryChecksQueryOptions = queryOptions({
  queryKey: companyKeys.entryChecks,
  queryFn: ({ signal }) => apiRequest<EntryChecks>('GET', '/company/entry-checks', { signal }),
});

export const updateEntryChecks = (input: EntryChecksUpdate) =>
  apiRequest<EntryChecks>('PUT', '/company/entry-checks', { body: input });
