import { randomUUID } from 'node:crypto';
import type { ServerOptions } from 'node:https';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { access } from '../domain/access/permissions';
import { announcementRoutes } from './modules/announcements/announcement.routes';
import { opsAnnouncementRoutes } from './modules/announcements/ops-announcement.routes';
import { apiTokenRoutes } from './modules/api-tokens/api-token.routes';
import { auditLogRoutes } from './modules/audit-log/audit-log.routes';
import { bankAccountRoutes } from './modules/company/bank-account.routes';
import { companyRoutes } from './modules/company/company.routes';
import { documentSettingsRoutes } from './modules/company/document-settings.routes';
import { identityRoutes } from './modules/identity/identity.routes';
import { mfaRoutes } from './modules/identity/mfa.routes';
import { passwordResetRoutes } from './modules/identity/password-reset.routes';
import { permissionGroupRoutes } from './modules/identity/permission-group.routes';
import { sessionRoutes } from './modules/identity/session.routes';
import { userRoutes } from './modules/identity/user.routes';
import { opsIncidentRoutes } from './modules/incidents/ops-incident.routes';
import { statusRoutes } from './modules/incidents/status.routes';
import { inquiryRoutes } from './modules/inquiries/inquiry.routes';
import { opsInquiryRoutes } from './modules/inquiries/ops-inquiry.routes';
import { lifecycleRoutes } from './modules/lifecycle/lifecycle.routes';
import { ImportRunner } from './modules/master-io/import-runner';
import { masterIoRoutes } from './modules/master-io/master-io.routes';
import { departmentRoutes } from './modules/masters/departments/department.routes';
import { customerPriceRoutes } from './modules/masters/products/customer-price.routes';
import { productRoutes } from './modules/masters/products/product.routes';
import { projectRoutes } from './modules/masters/projects/project.routes';
import { taxRateRoutes } from './modules/masters/tax-rates/tax-rate.routes';
import { unitRoutes } from './modules/masters/units/unit.routes';
import { operatorAuthRoutes } from './modules/operators/operator-auth.routes';
import { opsMailLogRoutes } from './modules/operators/ops-mail-log.routes';
import { opsTenantRoutes } from './modules/operators/ops-tenant.routes';
import { signupRoutes } from './modules/organization/signup.routes';
import { classificationRoutes } from './modules/partners/classifications/classification.routes';
import { partnerBulkClassificationRoutes } from './modules/partners/classifications/partner-bulk-classification.routes';
import { customerRoutes } from './modules/partners/customers/customer.routes';
import { partnerOptionsRoutes } from './modules/partners/shared/partner-options.routes';
import { supplierRoutes } from './modules/partners/suppliers/supplier.routes';
import { codeNumberingRoutes } from './modules/settings/code-numbering/code-numbering.routes';
import { systemSettingsRoutes } from './modules/settings/system-settings.routes';
import { type RegisteredRoute, registerRouteAccess } from './platform/access/route-access';
import { resolveMfaKey } from './platform/auth/mfa-key';
import { operatorCookieName } from './platform/auth/operator-token';
import { createSecretBox } from './platform/auth/secret-box';
import { sessionCookieName } from './platform/auth/session-token';
import type { Config } from './platform/config';
import { registerCsrfProtection } from './platform/http/csrf';
import {
  answerFrameworkError,
  registerErrorHandling,
  sendProblem,
} from './platform/http/error-handler';
import { healthRoutes } from './platform/http/health';
import { requestLogSerializer } from './platform/http/log-redaction';
import { metricsRoutes } from './platform/http/metrics';
import { registerUnstorableTextRejection } from './platform/http/reject-unstorable-text';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { registerTenantLimits } from './platform/http/tenant-limits';
import { isSpaNavigation, registerWebApp } from './platform/http/web-app';
import { devMailboxRoutes } from './platform/mail/dev-mailbox.routes';
import type { MailDelivery } from './platform/mail/mail-delivery';
import { createMailDelivery } from './platform/mail/mail-service';

z.config(z.locales.ja());

export interface AppDependencies {
  config: Config;
  pool: pg.Pool;
  https?: ServerOptions;
  /** The built SPA; tests point it at a stand-in so HTML responses exist without a build. */
  webRoot?: string;
  /** The key start-up already resolved and checked (ADR 0027); resolved from config if absent. */
  mfaKey?: Buffer;
}

export interface AkinaiApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  /** The mail delivery job, started with the app and stopped when it closes. */
  mail: MailDelivery | null;
  /** Runs master import stages (ADR 0022); stopped (after its running stages) on close. */
  imports: ImportRunner;
}

/** Builds the HTTP application in layers: external plugins → platform → modules → web. */
export async function buildApp({
  config,
  pool,
  https,
  webRoot,
  mfaKey,
}: AppDependencies): Promise<AkinaiApp> {
  const app = Fastify({
    ...(https ? { https } : {}),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    frameworkErrors: answerFrameworkError,
    logger: {
      level: config.LOG_LEVEL,
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: { req: requestLogSerializer },
    },
  } as FastifyServerOptions).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // External plugins
  await app.register(cookie);
  await registerSecurityHeaders(app, config.tlsEnabled);
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error('rate limited'), {
        statusCode: context.statusCode,
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Akinai API',
        version: '1',
        description: '販売管理 Akinai の JSON API。エラーは application/problem+json で返します。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(config.tlsEnabled) },
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description: '個人用 API トークン (akn_…): 業務データの API だけに使えます',
          },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    // The UI ships its own CSP; keep it as strict as ours (no framing, no foreign hosts).
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' validator.swagger.io', '')
        .replace(config.tlsEnabled ? /$^/ : /\s*upgrade-insecure-requests;/, ''),
  });

  // Platform
  registerErrorHandling(app);
  registerCsrfProtection(app, config.APP_ORIGIN);
  registerUnstorableTextRejection(app);
  const cookieName = sessionCookieName(config.tlsEnabled);
  const opsCookieName = operatorCookieName(config.tlsEnabled);
  const routes = registerRouteAccess(app, { pool, cookieName, operatorCookieName: opsCookieName });
  registerTenantLimits(app, {
    requestsPerMinutePerTenant: config.TENANT_RATE_LIMIT_PER_MINUTE,
    requestsPerMinutePerUser: config.USER_RATE_LIMIT_PER_MINUTE,
    bulkPerTenant: config.BULK_CONCURRENCY_PER_TENANT,
    bulkPerUser: config.BULK_CONCURRENCY_PER_USER,
    bulkTotal: config.BULK_CONCURRENCY_TOTAL,
    bulkPacing: { maxLoopShare: config.BULK_PACING_LOOP_SHARE, maxWaitMs: 250 },
    bulkRetryAfterSeconds: config.BULK_RETRY_AFTER_SECONDS,
    cookieName,
  });
  const secretBox = createSecretBox(mfaKey ?? resolveMfaKey(config));
  await app.register(healthRoutes, { pool });
  await app.register(metricsRoutes, { pool });
  let openApiDocument: unknown;
  app.get(
    '/api/openapi.json',
    { config: { access: access.public }, schema: { hide: true } },
    async () => {
      openApiDocument ??= app.swagger();
      return openApiDocument;
    },
  );

  // Modules
  const imports = new ImportRunner(pool, app.log);
  app.addHook('onClose', async () => imports.stop());
  await app.register(
    async (api) => {
      await api.register(identityRoutes, {
        pool,
        cookieName,
        secureCookie: config.tlsEnabled,
        dataRegion: config.DATA_REGION,
        purgePolicy: config.purgePolicy,
        loginRateLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
      });
      await api.register(passwordResetRoutes, {
        pool,
        appOrigin: config.APP_ORIGIN,
        rateLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
      });
      if (config.devMailbox) await api.register(devMailboxRoutes, { pool });
      await api.register(mfaRoutes, {
        cookieName,
        secureCookie: config.tlsEnabled,
        secretBox,
        loginRateLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
      });
      await api.register(sessionRoutes);
      await api.register(userRoutes);
      await api.register(permissionGroupRoutes);
      await api.register(customerRoutes);
      await api.register(partnerBulkClassificationRoutes);
      await api.register(classificationRoutes);
      await api.register(supplierRoutes);
      await api.register(partnerOptionsRoutes);
      await api.register(departmentRoutes);
      await api.register(projectRoutes);
      await api.register(productRoutes);
      await api.register(customerPriceRoutes);
      await api.register(masterIoRoutes, { runner: imports });
      await api.register(taxRateRoutes);
      await api.register(unitRoutes);
      await api.register(auditLogRoutes, { pool });
      await api.register(systemSettingsRoutes);
      await api.register(codeNumberingRoutes);
      await api.register(companyRoutes);
      await api.register(bankAccountRoutes);
      await api.register(documentSettingsRoutes);
      await api.register(apiTokenRoutes);
      await api.register(lifecycleRoutes, { pool });
      await api.register(statusRoutes, { pool });
      await api.register(inquiryRoutes, {
        supportEmail: config.SUPPORT_EMAIL,
        appOrigin: config.APP_ORIGIN ?? '',
      });
      await api.register(announcementRoutes);
      await api.register(signupRoutes, {
        pool,
        appOrigin: config.APP_ORIGIN,
        trialDays: config.TRIAL_DAYS,
        signupsPerHour: config.SIGNUP_RATE_LIMIT_PER_HOUR,
      });
    },
    { prefix: '/api/v1' },
  );

  // Operator plane (ADR 0016): its own cookie, its own access kind, no tenant data.
  await app.register(
    async (ops) => {
      await ops.register(operatorAuthRoutes, {
        pool,
        cookieName: opsCookieName,
        secureCookie: config.tlsEnabled,
        secretBox,
        loginRateLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
      });
      await ops.register(opsTenantRoutes, { trialDays: config.TRIAL_DAYS });
      await ops.register(opsIncidentRoutes, { appOrigin: config.APP_ORIGIN ?? '' });
      await ops.register(opsInquiryRoutes, { appOrigin: config.APP_ORIGIN ?? '' });
      await ops.register(opsAnnouncementRoutes);
      await ops.register(opsMailLogRoutes);
    },
    { prefix: '/api/ops/v1' },
  );

  // Web
  const hasWeb = await registerWebApp(app, webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && isSpaNavigation(request.method, request.url)) {
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { cacheControl: false });
    }
    return sendProblem(request, reply, 'not_found');
  });

  const mail = createMailDelivery(config, pool, app.log);
  if (mail) {
    app.addHook('onReady', async () => mail.start());
    app.addHook('onClose', async () => mail.stop());
  }

  await app.ready();
  return { app, routes, mail, imports };
}
