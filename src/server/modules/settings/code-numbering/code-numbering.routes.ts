import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../../../domain/access/permissions';
import { tenantContext } from '../../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { systemSettingsAccess } from '../system-settings.permissions';
import { getCodeNumbering } from './code-numbering';
import { codeNumberingSchema, codeNumberingUpdateSchema } from './code-numbering.schema';
import { updateCodeNumbering } from './update-code-numbering';

const tags = ['システム設定'];

export const codeNumberingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/settings/code-numbering',
    {
      // Master forms of any signed-in user show 「自動採番」 when the code may be left empty.
      config: { access: access.authenticated },
      schema: {
        tags,
        summary: 'コードの自動採番設定を取得',
        response: { 200: codeNumberingSchema, ...standardErrorResponses },
      },
    },
    async (request) => getCodeNumbering(tenantContext(request).tx),
  );

  app.put(
    '/settings/code-numbering',
    {
      config: { access: systemSettingsAccess.manage },
      schema: {
        tags,
        summary: 'コードの自動採番設定を変更 (種類ごとの version による楽観的排他)',
        body: codeNumberingUpdateSchema,
        response: { 200: codeNumberingSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateCodeNumbering(tx, actor, request.body);
    },
  );
};
