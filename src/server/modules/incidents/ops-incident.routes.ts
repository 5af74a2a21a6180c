import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/permissions';
import { operatorContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { declareIncident } from './declare-incident';
import {
  declareIncidentRequestSchema,
  incidentIdParamsSchema,
  incidentUpdateRequestSchema,
  opsIncidentListSchema,
  opsIncidentSchema,
  recordIncidentRequestSchema,
} from './incident.schema';
import { getOpsIncident, listOpsIncidents } from './incident-queries';
import { postIncidentUpdate } from './post-incident-update';
import { recordIncident } from './record-incident';

const tags = ['運用: 障害'];
const errors = { 409: problemSchema, ...standardErrorResponses };
const params = incidentIdParamsSchema;

/** 障害 in the operator console (ADR 0020): record detection, declare, report, resolve. */
export const opsIncidentRoutes: FastifyPluginAsyncZod<{ appOrigin: string }> = async (
  app,
  options,
) => {
  const config = { access: access.operator };
  const statusUrl = `${options.appOrigin.replace(/\/$/, '')}/status`;

  app.get(
    '/incidents',
    {
      config,
      schema: { tags, summary: '障害の一覧', response: { 200: opsIncidentListSchema, ...errors } },
    },
    async (request) => {
      const { tx } = operatorContext(request);
      return { items: await listOpsIncidents(tx) };
    },
  );

  app.post(
    '/incidents',
    {
      config,
      schema: {
        tags,
        summary: '障害の検知を記録 (告知はまだ)',
        body: recordIncidentRequestSchema,
        response: { 201: opsIncidentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { tx, operator, actor } = operatorContext(request);
      const incidentId = await recordIncident(tx, operator, actor, request.body);
      reply.code(201);
      return getOpsIncident(tx, incidentId);
    },
  );

  app.get(
    '/incidents/:incidentId',
    {
      config,
      schema: {
        tags,
        summary: '障害の詳細',
        params,
        response: { 200: opsIncidentSchema, ...errors },
      },
    },
    async (request) => {
      const { tx } = operatorContext(request);
      return getOpsIncident(tx, request.params.incidentId);
    },
  );

  app.post(
    '/incidents/:incidentId/declare',
    {
      config,
      schema: {
        tags,
        summary: '障害を告知 (影響組織へメール、ステータスページに掲載)',
        params,
        body: declareIncidentRequestSchema,
        response: { 200: opsIncidentSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, actor } = operatorContext(request);
      await declareIncident(tx, actor, request.params.incidentId, request.body, statusUrl);
      return getOpsIncident(tx, request.params.incidentId);
    },
  );

  app.post(
    '/incidents/:incidentId/updates',
    {
      config,
      schema: {
        tags,
        summary: '経過報告または解消 (影響組織へメール)',
        params,
        body: incidentUpdateRequestSchema,
        response: { 200: opsIncidentSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, actor } = operatorContext(request);
      await postIncidentUpdate(tx, actor, request.params.incidentId, request.body, statusUrl);
      return getOpsIncident(tx, request.params.incidentId);
    },
  );
};
