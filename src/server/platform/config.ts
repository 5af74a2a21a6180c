import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PURGE_GRACE_DAYS_MAX, type PurgePolicy } from '../../domain/lifecycle/purge-policy';

/**
 * Environment configuration, validated once at start. Every variable is documented in the
 * README's configuration table; keep the two in step.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * Which proxies may say who the client is (X-Forwarded-For): their addresses or CIDRs, or the
 * names loopback / linklocal / uniquelocal. A bare `true` would believe any client's header and
 * let it pick the address every per-IP limit and the audit log use, and Fastify refuses hop
 * counts for the same reason, so neither is accepted.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | string => {
    if (value === '' || value === 'false') return false;
    const entries = value.split(',').map((part) => part.trim());
    const valid = entries.every(
      (part) =>
        ['loopback', 'linklocal', 'uniquelocal'].includes(part) ||
        /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(part),
    );
    if (valid && !entries.every((part) => /^\d+$/.test(part))) return entries.join(',');
    ctx.addIssue({
      code: 'custom',
      message:
        "TRUST_PROXY: the reverse proxies' addresses or CIDRs (or loopback), e.g. 127.0.0.1 or 10.0.0.0/8",
    });
    return z.NEVER;
  });

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().default('./var'),
    DATABASE_URL: z.url().optional(),
    DATABASE_OWNER_URL: z.url().optional(),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    APP_ORIGIN: z.url().optional(),
    TLS_CERT_FILE: z.string().optional(),
    TLS_KEY_FILE: z.string().optional(),
    TRUST_PROXY: trustProxy.default(false),
    DATA_REGION: z.string().default('ap-northeast-1 (東京)'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    /**
     * Budgets of signed-in tenant API requests (ADR 0025), so that one organisation or one
     * user cannot take the whole server; counted after the per-address limit above.
     */
    TENANT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    USER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    /** Bulk operations (data export ZIP, audit CSV, imports) running at once (ADR 0025). */
    BULK_CONCURRENCY_PER_TENANT: z.coerce.number().int().min(1).default(1),
    BULK_CONCURRENCY_PER_USER: z.coerce.number().int().min(1).default(1),
    /** …and in all tenants together, per app process: they compete for the same cores. */
    BULK_CONCURRENCY_TOTAL: z.coerce.number().int().min(1).default(4),
    /**
     * A bulk download produces its next chunk only while the event loop was busy less than
     * this share of the last 50 ms (1 = never wait), so exports yield to interactive requests.
     */
    BULK_PACING_LOOP_SHARE: z.coerce.number().min(0.05).max(1).default(0.25),
    /** Retry-After of a bulk operation refused because others are running, in seconds. */
    BULK_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
    DEMO_TENANT: booleanFlag.default(true),
    /** Fixes the demo admin's password instead of generating one (scripted set-ups, e2e). */
    DEMO_ADMIN_PASSWORD: z.string().min(15).optional(),
    /** smtp://user:pass@host:587 or smtps://…; unset in development = dev mailbox page. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default('Akinai <no-reply@akinai.invalid>'),
    /** Length of a self-service free trial, in days (trial_ends_at). */
    TRIAL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Trial sign-ups accepted per client IP and hour (POST /api/v1/signup). */
    SIGNUP_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(5),
    /** The provider's support address: new 問い合わせ are mailed there (unset: no mail). */
    SUPPORT_EMAIL: z.email().optional(),
    /** 32 random bytes, base64: encrypts TOTP secrets. Required in production. */
    MFA_ENCRYPTION_KEY: z.string().optional(),
    /** 32 random bytes, base64 or hex: wraps every backup data key. Required in production. */
    MASTER_KEY: z.string().optional(),
    /** Where encrypted backups are written; default DATA_DIR/backups. */
    BACKUP_DIR: z.string().optional(),
    /**
     * Days from contract end to purge. Shorter is allowed, later never: the maxima keep the
     * promise that data and backups are gone within 2 weeks / 1 month (ADR 0017).
     */
    PURGE_GRACE_DAYS_TRIAL: z.coerce
      .number()
      .int()
      .min(1)
      .max(PURGE_GRACE_DAYS_MAX.trial, {
        error: `PURGE_GRACE_DAYS_TRIAL may not exceed ${PURGE_GRACE_DAYS_MAX.trial} days`,
      })
      .default(PURGE_GRACE_DAYS_MAX.trial),
    PURGE_GRACE_DAYS_PAID: z.coerce
      .number()
      .int()
      .min(1)
      .max(PURGE_GRACE_DAYS_MAX.paid, {
        error: `PURGE_GRACE_DAYS_PAID may not exceed ${PURGE_GRACE_DAYS_MAX.paid} days`,
      })
      .default(PURGE_GRACE_DAYS_MAX.paid),
    /** Runs the data lifecycle job (trial end, reminders, purge) hourly inside `npm start`. */
    LIFECYCLE_JOB: booleanFlag.default(true),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.DATABASE_URL) !== Boolean(env.DATABASE_OWNER_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_OWNER_URL'],
        message: 'DATABASE_URL and DATABASE_OWNER_URL must be set together',
      });
    }
    // Links in mail must not be built from the request's Host header, which a caller controls;
    // in production they may be queued now and sent once SMTP is configured.
    if ((env.SMTP_URL || env.NODE_ENV === 'production') && !env.APP_ORIGIN) {
      ctx.addIssue({
        code: 'custom',
        path: ['APP_ORIGIN'],
        message:
          'APP_ORIGIN must be set in production and whenever SMTP_URL is (links in mail point to it)',
      });
    }
    if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
      ctx.addIssue({
        code: 'custom',
        path: ['TLS_KEY_FILE'],
        message: 'TLS_CERT_FILE and TLS_KEY_FILE must be set together',
      });
    }
  });

export type Config = z.infer<typeof configSchema> & {
  dataDir: string;
  backupDir: string;
  tlsEnabled: boolean;
  /** Development without SMTP: mail is kept for the dev mailbox page instead of sent. */
  devMailbox: boolean;
  purgePolicy: PurgePolicy;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= command` idiom.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    ...parsed.data,
    dataDir: resolve(parsed.data.DATA_DIR),
    backupDir: resolve(parsed.data.BACKUP_DIR ?? join(parsed.data.DATA_DIR, 'backups')),
    tlsEnabled: Boolean(parsed.data.TLS_CERT_FILE),
    devMailbox: parsed.data.NODE_ENV !== 'production' && !parsed.data.SMTP_URL,
    purgePolicy: {
      graceDaysTrial: parsed.data.PURGE_GRACE_DAYS_TRIAL,
      graceDaysPaid: parsed.data.PURGE_GRACE_DAYS_PAID,
    },
  };
}
