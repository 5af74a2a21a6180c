import type { FastifyInstance } from 'fastify';
import { AppError } from './problem';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a request would surface as a
 * database error. Reject it up front, for every route, with the field it was found in.
 */
export function registerNulRejection(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found =
      findNul(request.params, 'params') ??
      findNul(request.query, 'query') ??
      findNul(request.body, '');
    if (found !== undefined) {
      throw new AppError('validation_failed', {
        errors: [{ path: found, message: '使用できない制御文字 (NUL) が含まれています' }],
      });
    }
  });
}

function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = findNul(child, childPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
