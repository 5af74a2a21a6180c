import type pg from 'pg';
import { passwordProblems } from '../../../domain/identity/password-rules';
import { hashPassword } from '../../platform/auth/passwords';
import type { ActorContext } from '../../platform/auth/principal';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { withTenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import { enqueueMail } from '../../platform/mail/enqueue-mail';
import { welcomeMail } from '../operators/operator-mails';
import { insertTenant } from './create-tenant';
import type { SignupRequest, SignupResult } from './signup.schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Self-service free trial: a tenant in status 'trial' ending after TRIAL_DAYS, its first
 * 組織管理者 with the password typed on the form (same rules as everywhere), and a welcome
 * mail to the contact address. The only thing it reveals about other tenants is that a code
 * is taken, which the code's uniqueness makes unavoidable.
 */
export async function signup(
  pool: pg.Pool,
  input: SignupRequest,
  origin: Pick<ActorContext, 'ip' | 'userAgent' | 'requestId'> & {
    trialDays: number;
    loginUrl: string;
  },
): Promise<SignupResult> {
  const problems = passwordProblems(input.password, {
    tenantCode: input.tenantCode,
    loginId: input.loginId,
    userName: input.adminName,
  });
  if (problems.length > 0) {
    throw new AppError('validation_failed', {
      errors: problems.map((message) => ({ path: 'password', message })),
    });
  }
  const passwordHash = await hashPassword(input.password);
  const trialEndsAt = new Date(Date.now() + origin.trialDays * DAY_MS);
  try {
    await withTenantTransaction(pool, uuidv7(), async (tx) => {
      await insertTenant(
        tx,
        {
          code: input.tenantCode,
          name: input.companyName,
          status: 'trial',
          plan: 'trial',
          trialEndsAt,
          contactEmail: input.contactEmail,
          admin: {
            loginId: input.loginId,
            name: input.adminName,
            password: input.password,
            email: input.contactEmail,
          },
        },
        passwordHash,
        { ...origin, actorLabel: `${input.loginId} (無料トライアル申込み)` },
      );
      await enqueueMail(
        tx,
        welcomeMail(input.contactEmail, {
          tenantName: input.companyName,
          tenantCode: input.tenantCode,
          adminName: input.adminName,
          loginId: input.loginId,
          trialEndsAt,
          loginUrl: origin.loginUrl,
        }),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_code_key')) {
      throw new AppError('tenant_code_taken', {
        errors: [{ path: 'tenantCode', message: 'この組織コードは既に使われています' }],
      });
    }
    throw error;
  }
  return {
    tenantCode: input.tenantCode,
    loginId: input.loginId,
    trialEndsAt: trialEndsAt.toISOString(),
  };
}
