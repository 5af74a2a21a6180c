import type { FastifyInstance } from 'fastify';
import { AppError } from './problem';

/**
 * Text PostgreSQL cannot store would surface as a database error (a 500) deep in a handler:
 * U+0000, which text columns cannot hold, and unpaired UTF-16 surrogates, which have no UTF-8
 * encoding (JSON allows "\ud800"). Reject both up front, for every route, naming the field.
 */
export function registerUnstorableTextRejection(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found =
      findUnstorable(request.params, 'params') ??
      findUnstorable(request.query, 'query') ??
      findUnstorable(request.body, '');
    if (found !== undefined) {
      throw new AppError('validation_failed', {
        errors: [
          { path: found, message: '使用できない文字（制御文字または不正な文字）が含まれています' },
        ],
      });
    }
  });
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isUnstorable = (text: string) => text.includes('\u0000') || UNPAIRED_SURROGATE.test(text);

function findUnstorable(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return isUnstorable(value) ? path : undefined;
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (isUnstorable(key)) return childPath;
    const found = findUnstorable(child, childPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
