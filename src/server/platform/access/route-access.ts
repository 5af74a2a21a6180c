import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type pg from 'pg';
import { can, type RouteAccess } from '../../../domain/access/permissions';
import { parseBearerToken } from '../auth/api-token';
import { authenticateApiToken, authenticateSession } from '../auth/authenticate';
import { authenticateOperator } from '../auth/authenticate-operator';
import type { OperatorActor, OperatorPrincipal } from '../auth/operator-principal';
import { parseOperatorCookie } from '../auth/operator-token';
import type { ActorContext, Principal } from '../auth/principal';
import { parseSessionCookie } from '../auth/session-token';
import type { OpenOperatorTransaction, OperatorTransaction } from '../db/operator-transaction';
import type { OpenTenantTransaction, TenantTransaction } from '../db/tenant-transaction';
import { AppError } from '../http/problem';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires. Every /api route must declare it; there is no default. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal?: Principal;
    tenantTx?: OpenTenantTransaction;
    operator?: OperatorPrincipal;
    operatorTx?: OpenOperatorTransaction;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

const UNDECLARED_EXEMPT = /^\/api\/docs(\/|$)/;

/**
 * What a user who still holds an initial password may call: who am I, sign out, and change the
 * password. Everything else answers 403 password_change_required until the password changes.
 */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
]);

/** A session that has given its password but not yet its TOTP code may only finish or leave. */
const ALLOWED_BEFORE_MFA_CODE = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/mfa/verify',
]);

/** The tenant requires MFA the user has not set up: enrolment (and the password change) only. */
const ALLOWED_BEFORE_MFA_ENROLMENT = new Set([
  ...ALLOWED_BEFORE_PASSWORD_CHANGE,
  'GET /api/v1/auth/mfa',
  'POST /api/v1/auth/mfa/enrolment',
  'POST /api/v1/auth/mfa/enrolment/confirm',
]);

/**
 * Writes an ended tenant may still make (ADR 0017): signing in and out, finishing a sign-in
 * (TOTP code or required enrolment), looking after one's own password and sessions, and asking
 * support (問い合わせ, ADR 0020). The export is a GET. Everything else that changes data answers
 * 403 tenant_read_only.
 */
export const WRITES_ALLOWED_WHEN_READ_ONLY = new Set([
  ...ALLOWED_BEFORE_MFA_CODE,
  ...ALLOWED_BEFORE_MFA_ENROLMENT,
  'DELETE /api/v1/auth/sessions/:sessionId',
  'POST /api/v1/auth/sessions/revoke-others',
  // An ended customer may still ask the provider (about the export, the purge date...).
  'POST /api/v1/inquiries',
  'POST /api/v1/inquiries/:inquiryId/messages',
  // お知らせ read marks: the user's own display state, not business data (ADR 0019).
  'POST /api/v1/announcements/read',
  'POST /api/v1/announcements/:announcementId/read',
]);

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The one place read-only mode is enforced: every write route of an ended tenant. */
function readOnlyRefuses(principal: Principal, method: string, route: string): boolean {
  return (
    principal.tenantReadOnly &&
    !READ_METHODS.has(method) &&
    !WRITES_ALLOWED_WHEN_READ_ONLY.has(`${method} ${route}`)
  );
}
/** An operator who has given the password but not (yet) a TOTP code may only finish or leave. */
const OPERATOR_ALLOWED_BEFORE_MFA = new Set([
  'GET /api/ops/v1/auth/me',
  'POST /api/ops/v1/auth/logout',
  'POST /api/ops/v1/auth/mfa/verify',
  'POST /api/ops/v1/auth/mfa/enrolment',
  'POST /api/ops/v1/auth/mfa/enrolment/confirm',
]);

/** An operator on a generated initial password may only replace it (or leave). */
const OPERATOR_ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/ops/v1/auth/me',
  'POST /api/ops/v1/auth/logout',
  'POST /api/ops/v1/auth/password',
]);

function stageAllows(principal: Principal, route: string): boolean {
  if (principal.sessionStage === 'mfa') return ALLOWED_BEFORE_MFA_CODE.has(route);
  if (principal.mustChangePassword) return ALLOWED_BEFORE_PASSWORD_CHANGE.has(route);
  if (principal.sessionStage === 'mfa_enrol') return ALLOWED_BEFORE_MFA_ENROLMENT.has(route);
  return true;
}

/**
 * Deny by default: a route under /api without an access declaration stops the app from being
 * built. Protected routes get the principal and an open tenant transaction before the handler
 * runs; the transaction commits after the handler returns and rolls back if anything throws.
 */
export function registerRouteAccess(
  app: FastifyInstance,
  options: { pool: pg.Pool; cookieName: string; operatorCookieName: string },
): RegisteredRoute[] {
  const registry: RegisteredRoute[] = [];

  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access;
    if (!access) {
      if (route.url.startsWith('/api/') && !UNDECLARED_EXEMPT.test(route.url)) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access`);
      }
      return;
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registry.push({ method, url: route.url, access });
    }
    if (access.kind === 'operator') route.handler = inOperatorTransaction(route.handler);
    else if (access.kind !== 'public') route.handler = inTenantTransaction(route.handler);
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === 'public') return;
    // The two planes never share a credential: an operator route reads only the console
    // cookie, a tenant route only the tenant cookie or token.
    if (access.kind === 'operator') {
      if (!parseOperatorCookie(request.cookies[options.operatorCookieName])) {
        throw new AppError('unauthenticated');
      }
      return;
    }
    const wellFormed = usesApiToken(request)
      ? parseBearerToken(request.headers.authorization)
      : parseSessionCookie(request.cookies[options.cookieName]);
    if (!wellFormed) throw new AppError('unauthenticated');
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === 'public') return;
    if (access.kind === 'operator') return authenticateOperatorRequest(request);
    const session = await authenticate(request);
    if (!session) throw new AppError('unauthenticated');
    request.principal = session.principal;
    request.tenantTx = session.tx;
    request.log = request.log.child({
      tenantId: session.principal.tenantId,
      userId: session.principal.userId,
      ...(session.principal.apiTokenId ? { apiTokenId: session.principal.apiTokenId } : {}),
    });
    // A personal API token reaches only routes that declare a catalogue permission (business
    // data). `authenticated` routes (own profile, password, token management) and `orgAdmin`
    // routes (users, groups, settings, every tenant's tokens) are closed to it, so a leaked
    // token can neither mint more tokens nor take over accounts (ADR 0010).
    if (session.principal.apiTokenId && access.kind !== 'permission') {
      await session.tx.rollback();
      throw new AppError('api_token_not_allowed');
    }
    if (!stageAllows(session.principal, `${request.method} ${request.routeOptions.url}`)) {
      await session.tx.rollback();
      throw new AppError(
        session.principal.sessionStage === 'mfa'
          ? 'mfa_verification_required'
          : session.principal.mustChangePassword
            ? session.principal.passwordChangeReason === 'expired'
              ? 'password_expired'
              : 'password_change_required'
            : 'mfa_enrolment_required',
      );
    }
    if (!isAllowed(session.principal, access)) {
      await session.tx.rollback();
      throw new AppError('forbidden');
    }
    if (readOnlyRefuses(session.principal, request.method, request.routeOptions.url ?? '')) {
      await session.tx.rollback();
      throw new AppError('tenant_read_only');
    }
  });

  const authenticateOperatorRequest = async (request: FastifyRequest) => {
    const tokenHash = parseOperatorCookie(request.cookies[options.operatorCookieName]);
    const session = tokenHash ? await authenticateOperator(options.pool, tokenHash) : null;
    if (!session) throw new AppError('unauthenticated');
    request.operator = session.principal;
    request.operatorTx = session.tx;
    request.log = request.log.child({ operatorId: session.principal.operatorId });
    const route = `${request.method} ${request.routeOptions.url}`;
    if (session.principal.sessionStage !== 'full' && !OPERATOR_ALLOWED_BEFORE_MFA.has(route)) {
      await session.tx.rollback();
      throw new AppError(
        session.principal.sessionStage === 'mfa'
          ? 'mfa_verification_required'
          : 'mfa_enrolment_required',
      );
    }
    if (
      session.principal.sessionStage === 'full' &&
      session.principal.mustChangePassword &&
      !OPERATOR_ALLOWED_BEFORE_PASSWORD_CHANGE.has(route)
    ) {
      await session.tx.rollback();
      throw new AppError('password_change_required');
    }
  };

  /** A Bearer token wins over the cookie, which is then ignored. */
  const authenticate = (request: FastifyRequest) => {
    if (usesApiToken(request)) {
      const credential = parseBearerToken(request.headers.authorization);
      return credential ? authenticateApiToken(options.pool, credential) : null;
    }
    const token = parseSessionCookie(request.cookies[options.cookieName]);
    return token ? authenticateSession(options.pool, token) : null;
  };

  // Safety net: a request that ended without reaching the handler (validation error, abort)
  // must still hand its connection back.
  const rollbackLeftover = async (request: FastifyRequest) => {
    await request.tenantTx?.rollback();
    await request.operatorTx?.rollback();
  };
  app.addHook('onResponse', rollbackLeftover);
  app.addHook('onRequestAbort', rollbackLeftover);

  return registry;
}

/**
 * Only the Bearer scheme means an API token: a staging proxy's HTTP Basic credentials, which
 * browsers resend on every request, must not hide the session cookie.
 */
function usesApiToken(request: FastifyRequest): boolean {
  return /^Bearer\s/i.test(request.headers.authorization ?? '');
}

function isAllowed(principal: Principal, access: RouteAccess): boolean {
  switch (access.kind) {
    case 'public':
    case 'authenticated':
      return true;
    case 'orgAdmin':
      return principal.isOrgAdmin;
    case 'permission':
      return can(principal, access.permission);
    case 'operator':
      // Unreachable: operator routes authenticate operators only (see the preHandler).
      return false;
  }
}

type Handler = RouteOptions['handler'];

function inTenantTransaction(handler: Handler): Handler {
  return async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    const tx = request.tenantTx!;
    try {
      const result = await handler.call(this, request, reply);
      await tx.commit();
      return result;
    } catch (error) {
      if (error instanceof AppError && error.options.keepChanges) await tx.commit();
      else await tx.rollback();
      throw error;
    }
  };
}

function inOperatorTransaction(handler: Handler): Handler {
  return async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    const tx = request.operatorTx!;
    try {
      const result = await handler.call(this, request, reply);
      await tx.commit();
      return result;
    } catch (error) {
      if (error instanceof AppError && error.options.keepChanges) await tx.commit();
      else await tx.rollback();
      throw error;
    }
  };
}

/** The operator, transaction and audit actor of an /api/ops route. */
export function operatorContext(request: FastifyRequest): {
  operator: OperatorPrincipal;
  tx: OperatorTransaction;
  actor: OperatorActor;
} {
  const operator = request.operator;
  const tx = request.operatorTx;
  if (!operator || !tx)
    throw new Error('operatorContext() used on a route without access.operator');
  return { operator, tx, actor: operatorActor(request, operator) };
}

export function operatorActor(
  request: FastifyRequest,
  operator: { operatorId: string; loginId: string } | undefined,
): OperatorActor {
  return {
    operatorId: operator?.operatorId ?? null,
    actorLabel: operator ? `運用者 ${operator.loginId}` : '',
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
    requestId: request.id,
  };
}

/** The principal and transaction of a protected route; the access layer guarantees both. */
export function tenantContext(request: FastifyRequest): {
  principal: Principal;
  tx: TenantTransaction;
  actor: ActorContext;
} {
  const principal = request.principal;
  const tx = request.tenantTx;
  if (!principal || !tx) throw new Error('tenantContext() used on a route without access control');
  return { principal, tx, actor: actorContext(request, principal) };
}

export function actorContext(
  request: FastifyRequest,
  principal:
    | { tenantId: string; userId: string | null; loginId: string; apiTokenId?: string | null }
    | undefined,
): ActorContext {
  return {
    tenantId: principal?.tenantId ?? '',
    userId: principal?.userId ?? null,
    // Writes made through a token say so in the log, and which token it was.
    actorLabel: principal?.apiTokenId
      ? `${principal.loginId} (APIトークン ${principal.apiTokenId})`
      : (principal?.loginId ?? ''),
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
    requestId: request.id,
  };
}
