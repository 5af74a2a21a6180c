import { z } from 'zod';
import { type ErrorCode, errorCatalogue, errorCodes } from '../../../domain/errors/error-codes';

export const fieldErrorSchema = z.object({
  path: z.string().describe('Dotted path of the field, e.g. "name" or "lines.0.quantity"'),
  message: z.string(),
});

/** RFC 9457 problem details, extended with a stable code, field errors and the request id. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(errorCodes),
    detail: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
    requestId: z.string().optional(),
    retryAfterSeconds: z.number().int().optional(),
    usageCount: z
      .number()
      .int()
      .optional()
      .describe('How many records use what the request would delete (classification_in_use)'),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** An expected failure that the caller can act on; it becomes a problem+json response. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      detail?: string;
      errors?: FieldError[];
      retryAfterSeconds?: number;
      usageCount?: number;
      /**
       * Commit the request's transaction before answering with this error: a failure that
       * must be remembered (a wrong TOTP code counts towards the lock) is not rolled back.
       */
      keepChanges?: boolean;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.status = errorCatalogue[code].status;
  }
}

export type Language = 'ja' | 'en';

export function problemFor(
  code: ErrorCode,
  language: Language,
  extra: Partial<
    Pick<Problem, 'detail' | 'errors' | 'requestId' | 'retryAfterSeconds' | 'usageCount'>
  > = {},
): Problem {
  const entry = errorCatalogue[code];
  return {
    type: `https://akinai.dev/problems/${code.replaceAll('_', '-')}`,
    title: entry[language],
    status: entry.status,
    code,
    ...extra,
  };
}

/** Error responses every route can produce, for the OpenAPI document. */
export const standardErrorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  429: problemSchema,
  500: problemSchema,
  503: problemSchema,
} as const;
