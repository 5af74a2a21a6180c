import fastJson from 'fast-json-stringify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema';
import { z } from 'zod';

/**
 * Response serialiser for hot routes (long lists): a fast-json-stringify function generated
 * once from the JSON Schema that zod emits for the route's response schema, the same schema
 * the OpenAPI document is built from. It writes only declared properties, so a row carrying
 * more columns than the contract cannot leak them, and throws when a required one is missing.
 * Unlike the default zod serialiser it does not re-validate formats or run codecs: opt in per
 * route (`serializerCompiler: fastSerializerCompiler`) only where the handler already builds
 * the exact output type and the schema uses no transforms (see ADR 0006).
 */
export function fastSerializerCompiler<T>({
  schema,
  method,
  url,
}: FastifyRouteSchemaDef<T>): (data: unknown) => string {
  // Typed by Fastify as the whole route schema; at run time it is one status's response schema.
  const response: unknown = schema;
  if (!(response instanceof z.ZodType)) {
    throw new Error(`${method} ${url}: fastSerializerCompiler needs zod response schemas`);
  }
  return compileFastSerializer(response);
}

export function compileFastSerializer(schema: z.ZodType): (data: unknown) => string {
  const jsonSchema = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'throw',
  });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
}
