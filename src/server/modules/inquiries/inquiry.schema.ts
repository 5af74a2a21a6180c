import { z } from 'zod';

/** 問い合わせ (ADR 0020): shared by the tenant screens, the /ops console and the API. */
export const inquiryCategories = ['usage', 'billing', 'bug', 'account', 'other'] as const;
export const inquiryStatuses = ['open', 'answered', 'closed'] as const;
export type InquiryCategory = (typeof inquiryCategories)[number];
export type InquiryStatus = (typeof inquiryStatuses)[number];

const body = z
  .string()
  .trim()
  .min(1, { error: '内容を入力してください' })
  .max(8000, { error: '内容は8000文字以内で入力してください' });

export const createInquiryRequestSchema = z.strictObject({
  subject: z
    .string()
    .trim()
    .min(1, { error: '件名を入力してください' })
    .max(200, { error: '件名は200文字以内で入力してください' }),
  category: z.enum(inquiryCategories, { error: '種類を選んでください' }),
  body,
});
export type CreateInquiryRequest = z.infer<typeof createInquiryRequestSchema>;

export const inquiryMessageRequestSchema = z.strictObject({ body });
export type InquiryMessageRequest = z.infer<typeof inquiryMessageRequestSchema>;

export const inquiryIdParamsSchema = z.object({ inquiryId: z.uuid() });
export const opsInquiryQuerySchema = z.object({
  status: z.enum([...inquiryStatuses, 'all']).default('open'),
});

const summary = {
  inquiryId: z.uuid(),
  subject: z.string(),
  category: z.enum(inquiryCategories),
  status: z.enum(inquiryStatuses),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const inquirySummarySchema = z.object(summary);
export const inquiryListSchema = z.object({ items: z.array(inquirySummarySchema) });

export const inquiryMessageSchema = z.object({
  author: z.enum(['tenant', 'operator']),
  authorName: z.string(),
  body: z.string(),
  postedAt: z.string(),
});
export const inquiryDetailSchema = z
  .object({ ...summary, messages: z.array(inquiryMessageSchema) })
  .meta({ id: 'InquiryDetail' });
export type InquiryDetail = z.infer<typeof inquiryDetailSchema>;
export type InquirySummary = z.infer<typeof inquirySummarySchema>;

/** The console adds which tenant asked (code and name); tenants never see other tenants. */
const tenantFields = { tenantId: z.uuid(), tenantCode: z.string(), tenantName: z.string() };
export const opsInquirySummarySchema = z.object({ ...summary, ...tenantFields });
export const opsInquiryListSchema = z.object({ items: z.array(opsInquirySummarySchema) });
export const opsInquiryDetailSchema = z
  .object({ ...summary, ...tenantFields, messages: z.array(inquiryMessageSchema) })
  .meta({ id: 'OpsInquiryDetail' });
export type OpsInquirySummary = z.infer<typeof opsInquirySummarySchema>;
export type OpsInquiryDetail = z.infer<typeof opsInquiryDetailSchema>;
