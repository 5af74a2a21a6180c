import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tenantContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { companyAccess } from './company.permissions';
import {
  entryChecksSchema,
  entryChecksUpdateSchema,
  printSettingsItemSchema,
  printSettingsListSchema,
  printSettingsUpdateSchema,
} from './document-settings.schema';
import { findPrintSettings } from './find-print-settings';
import { getEntryChecks } from './get-entry-checks';
import { updateEntryChecks } from './update-entry-checks';
import { updatePrintSettings } from './update-print-settings';

export const documentSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/company/print-settings',
    {
      config: { access: companyAccess.view },
      schema: {
        tags: ['帳票設定'],
        summary: '帳票設定 (全帳票。未保存の帳票は既定値・version 0)',
        response: { 200: printSettingsListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findPrintSettings(tenantContext(request).tx),
  );

  app.put(
    '/company/print-settings',
    {
      config: { access: companyAccess.edit },
      schema: {
        tags: ['帳票設定'],
        summary: '1帳票の設定を保存 (documentType で指定、version による楽観的排他)',
        body: printSettingsUpdateSchema,
        response: { 200: printSettingsItemSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updatePrintSettings(tx, actor, request.body);
    },
  );

  app.get(
    '/company/entry-checks',
    {
      config: { access: companyAccess.readEntryChecks },
      schema: {
        tags: ['伝票入力チェック'],
        summary: '伝票入力チェック (物件・数量・単価・原価の未入力: warn / block / allow)',
        response: { 200: entryChecksSchema, ...standardErrorResponses },
      },
    },
    async (request) => getEntryChecks(tenantContext(request).tx),
  );

  app.put(
    '/company/entry-checks',
    {
      config: { access: companyAccess.edit },
      schema: {
        tags: ['伝票入力チェック'],
        summary: '伝票入力チェックを保存 (version による楽観的排他)',
        body: entryChecksUpdateSchema,
        response: { 200: entryChecksSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateEntryChecks(tx, actor, request.body);
    },
  );
};
