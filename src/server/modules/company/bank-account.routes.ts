import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import {
  bankAccountDeleteQuerySchema,
  bankAccountIdParamsSchema,
  bankAccountInputSchema,
  bankAccountListSchema,
  bankAccountSchema,
  bankAccountUpdateSchema,
} from './bank-account.schema';
import { companyAccess } from './company.permissions';
import { createBankAccount } from './create-bank-account';
import { deleteBankAccount } from './delete-bank-account';
import { findBankAccounts } from './find-bank-accounts';
import { updateBankAccount } from './update-bank-account';

const tags = ['自社情報'];

export const bankAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/company/bank-accounts',
    {
      config: { access: companyAccess.view },
      schema: {
        tags,
        summary: '振込先一覧 (表示順)',
        response: { 200: bankAccountListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findBankAccounts(tenantContext(request).tx),
  );

  app.post(
    '/company/bank-accounts',
    {
      config: { access: companyAccess.edit },
      schema: {
        tags,
        summary: '振込先を登録 (最初の1件は既定になります)',
        body: bankAccountInputSchema,
        response: { 201: bankAccountSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const account = await createBankAccount(tx, actor, request.body);
      reply.code(201);
      return account;
    },
  );

  app.put(
    '/company/bank-accounts/:bankAccountId',
    {
      config: { access: companyAccess.edit },
      schema: {
        tags,
        summary: '振込先を修正 (version による楽観的排他)',
        params: bankAccountIdParamsSchema,
        body: bankAccountUpdateSchema,
        response: { 200: bankAccountSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateBankAccount(tx, actor, request.params.bankAccountId, request.body);
    },
  );

  app.delete(
    '/company/bank-accounts/:bankAccountId',
    {
      config: { access: companyAccess.edit },
      schema: {
        tags,
        summary: '振込先を削除',
        params: bankAccountIdParamsSchema,
        querystring: bankAccountDeleteQuerySchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteBankAccount(tx, actor, request.params.bankAccountId, request.query.version);
      reply.code(204);
      return null;
    },
  );
};
