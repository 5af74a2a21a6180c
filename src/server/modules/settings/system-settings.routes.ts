import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tenantContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { getSystemSettings } from './get-system-settings';
import { systemSettingsAccess } from './system-settings.permissions';
import { systemSettingsSchema, systemSettingsUpdateSchema } from './system-settings.schema';
import { updateSystemSettings } from './update-system-settings';

const tags = ['システム設定'];

export const systemSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/settings/system',
    {
      config: { access: systemSettingsAccess.manage },
      schema: {
        tags,
        summary: 'システム設定を取得',
        response: { 200: systemSettingsSchema, ...standardErrorResponses },
      },
    },
    async (request) => getSystemSettings(tenantContext(request).tx),
  );

  app.put(
    '/settings/system',
    {
      config: { access: systemSettingsAccess.manage },
      schema: {
        tags,
        summary: 'システム設定を変更 (version による楽観的排他)',
        body: systemSettingsUpdateSchema,
        response: { 200: systemSettingsSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateSystemSettings(tx, actor, request.body);
    },
  );
};
