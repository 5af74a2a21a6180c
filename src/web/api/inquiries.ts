import { queryOptions } from '@tanstack/react-query';
import type {
  CreateInquiryRequest,
  InquiryDetail,
  InquiryStatus,
  InquirySummary,
  OpsInquiryDetail,
  OpsInquirySummary,
} from '../../server/modules/inquiries/inquiry.schema';
import { apiRequest } from './client';

/** 問い合わせ: the asking user's side (/api/v1) and the console's (/api/ops/v1). */
export const inquiriesQueryOptions = queryOptions({
  queryKey: ['inquiries'],
  queryFn: ({ signal }) => apiRequest<{ items: InquirySummary[] }>('GET', '/inquiries', { signal }),
});
export const inquiryQueryOptions = (inquiryId: string) =>
  queryOptions({
    queryKey: ['inquiries', inquiryId],
    queryFn: ({ signal }) =>
      apiRequest<InquiryDetail>('GET', `/inquiries/${inquiryId}`, { signal }),
  });
export const createInquiry = (input: CreateInquiryRequest) =>
  apiRequest<InquiryDetail>('POST', '/inquiries', { body: input });
export const replyInquiry = (inquiryId: string, body: string) =>
  apiRequest<InquiryDetail>('POST', `/inquiries/${inquiryId}/messages`, { body: { body } });

const ops = <T>(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; query?: Record<string, string> } = {},
) => apiRequest<T>(method, path, { ...options, base: '/api/ops/v1', expectUnauthenticated: true });

export const opsInquiriesQueryOptions = (status: InquiryStatus | 'all') =>
  queryOptions({
    queryKey: ['ops', 'inquiries', status],
    queryFn: () => ops<{ items: OpsInquirySummary[] }>('GET', '/inquiries', { query: { status } }),
  });
export const opsInquiryQueryOptions = (inquiryId: string) =>
  queryOptions({
    queryKey: ['ops', 'inquiry', inquiryId],
    queryFn: () => ops<OpsInquiryDetail>('GET', `/inquiries/${inquiryId}`),
  });
export const answerInquiry = (inquiryId: string, body: string) =>
  ops<OpsInquiryDetail>('POST', `/inquiries/${inquiryId}/answer`, { body: { body } });
export const closeInquiry = (inquiryId: string) =>
  ops<OpsInquiryDetail>('POST', `/inquiries/${inquiryId}/close`);
