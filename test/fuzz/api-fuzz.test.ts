import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOperatorSession } from '../../src/server/modules/operators/operator-sessions';
import { verifyAuditChain } from '../../src/server/platform/audit/verify-audit-chain';
import { withOperatorTransaction } from '../../src/server/platform/db/operator-transaction';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInOperator,
  createSignedInTenant,
  createTestApp,
  createUser,
  login,
  TEST_PASSWORD,
  type TestApp,
  type TestTenant,
} from '../support/app';
import { createRouteFixtures, type RouteFixtures, sampleFor } from '../support/route-samples';
import {
  invalidText,
  invalidValue,
  type JsonSchema,
  resolve,
  type SchemaContext,
  validValue,
} from './schema-arbitrary';
import { changedTables, platformFingerprinter, tenantFingerprinter } from './tenant-state';

/**
 * Schema-driven fuzzing of every operation in the OpenAPI document (issue 6 item 1): tenant
 * routes as a signed-in org admin, /api/ops routes as a signed-in operator (TOTP enrolled);
 * valid and deliberately broken bodies, queries and path values. Properties: no 5xx; every
 * JSON answer matches the schema the route declares for its status; a rejected request changes
 * nothing stored (catalog-wide fingerprints of the tenants and of the platform tables; sign-in
 * failures may only add their audit and throttle rows), and the audit chain still verifies at
 * the end. FUZZ_RUNS sets the budget, split between the planes by their number of operations
 * (`npm run fuzz` runs long).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. /api/v1/users/{userId}. */
  path: string;
  /** Fastify route url, e.g. /api/v1/users/:userId (the route-samples key). */
  routeUrl: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | undefined;
  responses: Record<string, JsonSchema | undefined>;
}

/** Sign-in, password and MFA failures are audited and throttled on purpose (SECURITY.md). */
const AUDITED_REJECTIONS = /^\/api\/v1\/auth\/(login|password|mfa)/;
const AUDITED_REJECTION_TABLES = new Set(['audit_log', 'audit_chain_heads', 'login_throttles']);
/** The same on the operator plane: only the operator log and its throttle counters. */
const OPS_AUDITED_REJECTIONS = /^\/api\/ops\/v1\/auth\/(login|password|mfa)/;
const OPS_AUDITED_REJECTION_TABLES = new Set(['operator_audit_log', 'operator_login_throttles']);
/** Routes that act on the caller's own credentials run as a sacrificial user, not the admin. */
const OWN_CREDENTIALS = /^\/api\/v1\/auth\/(password|mfa|sessions|logout)/;
const OPS_OWN_CREDENTIALS = /^\/api\/ops\/v1\/auth\/(password|mfa|logout)/;
const isOpsPath = (path: string) => path.startsWith('/api/ops/');
/** Statuses any route may answer before its handler runs (body limits, content types). */
const TRANSPORT_STATUSES = new Set([413, 414, 415]);

let t: TestApp;
let tenant: TestTenant;
let fixtures: RouteFixtures;
let operations: Operation[];
let context: SchemaContext;
let fingerprint: Awaited<ReturnType<typeof tenantFingerprinter>>;
let platformFingerprint: Awaited<ReturnType<typeof platformFingerprinter>>;
let opsTenant: TestTenant;
/** Path values of the operator plane's own objects, so valid requests reach real rows. */
const opsPathValues: Record<string, string> = {};
let ajv: Ajv;
const cookies = { admin: '', sacrificial: '', operator: '', operatorSelf: '' };
const OPERATOR = 'fuzz-op';
const OPERATOR_SELF = 'fuzz-op-self';

/**
 * A new full console session without a TOTP code: each sign-in needs a fresh 30-second step,
 * which a fuzz run that loses its session many times cannot wait for.
 */
async function operatorSession(loginId: string): Promise<string> {
  return withOperatorTransaction(t.db.pool, async (tx) => {
    const { rows } = await tx.client.query<{ operator_id: string }>(
      'SELECT operator_id FROM app.operators WHERE login_id = $1',
      [loginId],
    );
    const id = rows[0]?.operator_id ?? '';
    const session = await startOperatorSession(
      tx,
      id,
      { ip: '127.0.0.1', userAgent: 'fuzz' },
      'full',
    );
    return `akinai_ops=${session.cookieValue}`;
  });
}

beforeAll(async () => {
  t = await createTestApp({
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    TENANT_RATE_LIMIT_PER_MINUTE: '1000000',
    USER_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  tenant = await createSignedInTenant(t);
  cookies.admin = tenant.adminCookie;
  cookies.sacrificial = (
    await createUser(t, tenant, { loginId: 'fuzz-self', permissions: [] })
  ).cookie;
  fixtures = await createRouteFixtures(api(t, tenant.adminCookie).post);
  // The operator plane acts on its own tenant, so contract changes leave the fuzzed one alone.
  opsTenant = await createSignedInTenant(t);
  cookies.operator = (await createSignedInOperator(t, OPERATOR)).cookie;
  cookies.operatorSelf = (await createSignedInOperator(t, OPERATOR_SELF)).cookie;
  const ops = api(t, cookies.operator);
  const incident = await ops.post('/api/ops/v1/incidents', {
    title: 'ファズ用の障害',
    severity: 'minor',
    detectedAt: new Date().toISOString(),
  });
  const announcement = await ops.post('/api/ops/v1/announcements', {
    title: 'ファズ用のお知らせ',
    body: '本文',
  });
  const inquiry = await api(t, opsTenant.adminCookie).post('/api/v1/inquiries', {
    subject: 'ファズ用の問い合わせ',
    category: 'usage',
    body: '本文です。',
  });
  Object.assign(opsPathValues, {
    tenantId: opsTenant.tenantId,
    incidentId: incident.json().incidentId,
    announcementId: announcement.json().announcementId,
    inquiryId: inquiry.json().inquiryId,
  });
  for (const [name, value] of Object.entries(opsPathValues)) {
    if (typeof value !== 'string') throw new Error(`fixture ${name}: ${value}`);
  }
  const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const components = document.components.schemas as Record<string, JsonSchema>;
  context = {
    components,
    knownIds: [
      ...Object.values(fixtures).filter(
        (value): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value),
      ),
      ...Object.values(opsPathValues),
    ],
  };
  operations = readOperations(document);
  fingerprint = await tenantFingerprinter(t.db.superuser);
  platformFingerprint = await platformFingerprinter(t.db.superuser);
  ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  addFormats.default(ajv);
  for (const [name, schema] of Object.entries(components)) {
    ajv.addSchema(forAjv(schema) as object, `#/components/schemas/${name}`);
  }
});
afterAll(() => t.close());

function readOperations(document: {
  paths: Record<string, Record<string, OpenApiOperation>>;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      routeUrl: path.replace(/\{(\w+)\}/g, ':$1'),
      pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      query: (operation.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema })),
      body: operation.requestBody?.content?.['application/json']?.schema,
      responses: Object.fromEntries(
        Object.entries(operation.responses ?? {}).map(([status, response]) => [
          status,
          response.content?.['application/json']?.schema,
        ]),
      ),
    })),
  );
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

type Mode = 'valid' | 'invalid-body' | 'invalid-query' | 'invalid-path';

interface FuzzRequest {
  operation: Operation;
  mode: Mode;
  url: string;
  body: unknown;
}

function requestArbitrary(plane: Operation[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      fc.constantFrom(...plane),
      fc.constantFrom<Mode>('valid', 'valid', 'invalid-body', 'invalid-query', 'invalid-path'),
    )
    .chain(([operation, mode]) => {
      const sampleUrl = samplePath(operation);
      const pathArb =
        mode === 'invalid-path' && operation.pathParams.length > 0
          ? fc
              .array(invalidText(), {
                minLength: operation.pathParams.length,
                maxLength: operation.pathParams.length,
              })
              .map((values) =>
                operation.pathParams.reduce(
                  (path, name, index) =>
                    path.replace(`{${name}}`, encodeLoosely(values[index] ?? '')),
                  operation.path,
                ),
              )
          : fc.constant(sampleUrl);
      const queryArb = queryArbitrary(operation, mode === 'invalid-query');
      const bodyArb = !operation.body
        ? fc.constant(undefined)
        : mode === 'invalid-body'
          ? invalidValue(operation.body, context)
          : validValue(operation.body, context);
      return fc.tuple(pathArb, queryArb, bodyArb).map(([path, query, body]) => ({
        operation,
        mode,
        url: query ? `${path}?${query}` : path,
        body,
      }));
    });
}

function samplePath(operation: Operation): string {
  if (operation.pathParams.length === 0) return operation.path;
  if (isOpsPath(operation.path) && operation.pathParams.every((name) => name in opsPathValues)) {
    return operation.pathParams.reduce(
      (path, name) => path.replace(`{${name}}`, opsPathValues[name] ?? ''),
      operation.path,
    );
  }
  const sample = sampleFor(
    { method: operation.method, url: operation.routeUrl } as never,
    fixtures,
  );
  return sample.url.split('?')[0] ?? operation.path;
}

function queryArbitrary(operation: Operation, broken: boolean): fc.Arbitrary<string> {
  if (broken) {
    const names = [...operation.query.map((q) => q.name), 'unexpected', 'limit[]', '__proto__'];
    return fc
      .array(fc.tuple(fc.constantFrom(...names), invalidText()), { minLength: 1, maxLength: 3 })
      .map(encodeQuery);
  }
  if (operation.query.length === 0) return fc.constant('');
  return fc
    .subarray(operation.query)
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((q) => validValue(q.schema, context).map((v) => [q.name, v] as const)),
      ),
    )
    .map((pairs) => encodeQuery(pairs.map(([name, value]) => [name, String(value)])));
}

function encodeQuery(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&');
}

/** Lone surrogates cannot be encoded as UTF-8: send the bytes a broken client would (invalid UTF-8). */
function encodeLoosely(value: string): string {
  return value
    .split(/([\uD800-\uDFFF])/)
    .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

function actorFor(path: string): keyof typeof cookies {
  if (isOpsPath(path)) return OPS_OWN_CREDENTIALS.test(path) ? 'operatorSelf' : 'operator';
  return OWN_CREDENTIALS.test(path) ? 'sacrificial' : 'admin';
}

async function send(request: FuzzRequest) {
  const actor = actorFor(request.operation.path);
  const hasBody = request.body !== undefined && request.operation.method !== 'GET';
  return t.app.inject({
    method: request.operation.method,
    url: request.url,
    headers: {
      'x-requested-with': 'akinai',
      cookie: cookies[actor],
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
    },
    ...(hasBody ? { payload: JSON.stringify(request.body) } : {}),
  });
}

/** Fuzzed settings may lock the admin out of the rest of the run; undo only those. */
async function keepTheRunGoing(request: FuzzRequest, statusCode: number) {
  if (request.operation.path === '/api/v1/settings/mfa' && statusCode < 300) {
    await t.db.superuser.query(`UPDATE app.tenants SET mfa_required = 'off' WHERE tenant_id = $1`, [
      tenant.tenantId,
    ]);
  }
  if ((statusCode === 401 || statusCode === 403) && isOpsPath(request.operation.path)) {
    cookies.operator = await operatorSession(OPERATOR);
    cookies.operatorSelf = await operatorSession(OPERATOR_SELF);
    return;
  }
  if (statusCode === 401 || statusCode === 403) {
    cookies.admin = await login(t, tenant.code, 'admin', TEST_PASSWORD).catch(() => cookies.admin);
    cookies.sacrificial = await login(t, tenant.code, 'fuzz-self', TEST_PASSWORD).catch(
      () => cookies.sacrificial,
    );
  }
}

function schemaErrors(schema: JsonSchema, body: unknown): string | null {
  const validate = ajv.compile(forAjv(resolveTop(schema)) as object);
  return validate(body) ? null : ajv.errorsText(validate.errors);
}

/**
 * OpenAPI 3.0 marks null with `nullable`, which Ajv accepts only next to `type`; as JSON Schema,
 * a nullable node is "this, or null".
 */
function forAjv(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forAjv);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, forAjv(v)]));
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

function resolveTop(schema: JsonSchema): object {
  return schema.$ref ? { $ref: schema.$ref } : (resolve(schema, context) as object);
}

interface Plane {
  name: string;
  operations: Operation[];
  runs: number;
  /** The tenant whose rows a rejected request must leave alone. */
  tenantId: () => string;
  audited: RegExp;
  auditedTables: Set<string>;
}

/** Everything a rejected request must not change: the plane's tenant and the platform tables. */
async function stateOf(plane: Plane) {
  // Import jobs run after their request (ADR 0022): let them finish before comparing.
  await t.imports.idle();
  const [tenantRows, platformRows] = await Promise.all([
    fingerprint(plane.tenantId()),
    platformFingerprint(),
  ]);
  return { ...tenantRows, ...platformRows };
}

async function fuzzPlane(plane: Plane) {
  const seen = new Set<string>();
  await fc.assert(
    fc.asyncProperty(requestArbitrary(plane.operations), async (request) => {
      const label = `[${plane.name}] ${request.operation.method} ${request.url} (${request.mode}) ${JSON.stringify(request.body)?.slice(0, 300)}`;
      if (process.env.FUZZ_TRACE) process.stderr.write(`${Date.now()} ${label.slice(0, 160)}\n`);
      const before = await stateOf(plane);
      const response = await send(request);
      if (process.env.FUZZ_TRACE) process.stderr.write(`  → ${response.statusCode}\n`);
      seen.add(`${request.operation.method} ${request.operation.path}`);
      expect(response.statusCode, label).toBeLessThan(500);

      const declared = request.operation.responses[String(response.statusCode)];
      const isJson = /json/.test(String(response.headers['content-type'] ?? ''));
      if (declared && isJson) {
        expect(
          schemaErrors(declared, response.json()),
          `${label} → ${response.body.slice(0, 300)}`,
        ).toBeNull();
      } else if (!(String(response.statusCode) in request.operation.responses)) {
        expect(
          TRANSPORT_STATUSES.has(response.statusCode) || response.statusCode < 300,
          `${label}: undeclared ${response.statusCode}`,
        ).toBe(true);
      }

      if (response.statusCode >= 400) {
        const changed = changedTables(before, await stateOf(plane));
        const allowed = plane.audited.test(request.operation.path)
          ? changed.filter((name) => !plane.auditedTables.has(name))
          : changed;
        expect(allowed, `${label} → ${response.statusCode} changed data`).toEqual([]);
      }
      await keepTheRunGoing(request, response.statusCode);
    }),
    { numRuns: plane.runs, endOnFailure: true },
  );
  // The budget must reach most of the plane's routes, or the property proves little.
  expect(seen.size / plane.operations.length).toBeGreaterThan(RUNS >= 400 ? 0.8 : 0);
}

/** The budget split by each plane's share of the operations, so coverage stays comparable. */
function runsFor(part: Operation[]): number {
  return Math.max(1, Math.round((RUNS * part.length) / operations.length));
}

describe('schema-driven API fuzzing', () => {
  it(`keeps every tenant route's contract as an org admin (share of ${RUNS} requests)`, async () => {
    const tenantOperations = operations.filter((operation) => !isOpsPath(operation.path));
    await fuzzPlane({
      name: 'tenant',
      operations: tenantOperations,
      runs: runsFor(tenantOperations),
      tenantId: () => tenant.tenantId,
      audited: AUDITED_REJECTIONS,
      auditedTables: AUDITED_REJECTION_TABLES,
    });
    const chain = await withTenantTransaction(t.db.pool, tenant.tenantId, verifyAuditChain);
    expect(chain.firstBrokenSeq).toBeNull();
  }, 600_000);

  it(`keeps every /api/ops route's contract as an operator (share of ${RUNS} requests)`, async () => {
    const opsOperations = operations.filter((operation) => isOpsPath(operation.path));
    expect(opsOperations.length).toBeGreaterThan(30);
    await fuzzPlane({
      name: 'operator',
      operations: opsOperations,
      runs: runsFor(opsOperations),
      tenantId: () => opsTenant.tenantId,
      audited: OPS_AUDITED_REJECTIONS,
      auditedTables: OPS_AUDITED_REJECTION_TABLES,
    });
    const chain = await withTenantTransaction(t.db.pool, opsTenant.tenantId, verifyAuditChain);
    expect(chain.firstBrokenSeq).toBeNull();
  }, 600_000);
});
