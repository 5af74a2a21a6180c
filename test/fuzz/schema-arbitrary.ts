import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document, so the fuzzer follows
 * every route's real contract without a hand-written generator per route. `validValue` aims at
 * values the schema accepts (they reach the handlers, not just the validator); `invalidValue`
 * breaks one thing at a time the way clients and attackers do.
 */
export interface JsonSchema {
  type?: string;
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

export interface SchemaContext {
  /** components.schemas of the OpenAPI document, for $ref. */
  components: Record<string, JsonSchema>;
  /** Real ids of the fuzzed tenant: uuid fields pick them often so requests reach the database. */
  knownIds: readonly string[];
}

export function resolve(schema: JsonSchema, context: SchemaContext): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = context.components[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target, context);
}

/** Strings that have broken real systems: NUL, lone surrogates, bidi overrides, half-width kana… */
export const edgeStrings = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202E逆順',
  '\uFEFF',
  'ｶﾌﾞｼｷｶﾞｲｼｬ',
  '𠮷野家',
  '👨‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  "'; DROP TABLE app.customers;--",
  '%_\\',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '1e400',
  '-0',
  'null',
] as const;

export const edgeNumbers = [
  -1,
  0,
  -0,
  0.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
] as const;

export function validValue(
  schema: JsonSchema,
  context: SchemaContext,
  depth = 0,
): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, context);
  const base = validNonNull(resolved, context, depth);
  return resolved.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function validNonNull(
  schema: JsonSchema,
  context: SchemaContext,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((option) => validValue(option, context, depth)));
  if (schema.allOf?.[0]) return validValue(schema.allOf[0], context, depth);
  switch (schema.type) {
    case 'string':
      return validString(schema, context);
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1_000_000,
        max: schema.maximum ?? 1_000_000,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? validValue(schema.items, context, depth + 1) : fc.string(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'object':
      return validObject(schema, context, depth);
    default:
      return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean());
  }
}

function validObject(schema: JsonSchema, context: SchemaContext, depth: number) {
  const properties = schema.properties ?? {};
  if (depth > 4) return fc.constant({});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) {
    record[key] = validValue(property, context, depth + 1);
  }
  const required = (schema.required ?? []).filter((key) => key in properties);
  return fc.record(record, { requiredKeys: required });
}

function validString(schema: JsonSchema, context: SchemaContext): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 200);
  const withinLength = (value: string) => value.length >= min && value.length <= max;
  switch (schema.format) {
    case 'uuid':
      return context.knownIds.length > 0
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...context.knownIds) }, fc.uuid())
        : fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'email':
      return fc.constantFrom('taro@example.jp', 'hanako.sato@example.co.jp', 'a+b@example.com');
  }
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  // Filtering constants up front: a filter no value passes would make fast-check loop forever.
  const edges = edgeStrings.filter((s) => withinLength(s) && (!pattern || pattern.test(s)));
  const general = pattern
    ? fc.stringMatching(pattern, { size: 'small' }).map((s) => (withinLength(s) ? s : null))
    : fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
  const options: fc.Arbitrary<string | null>[] = [general];
  if (edges.length > 0) options.push(fc.constantFrom(...edges));
  // A pattern match of the wrong length is sent anyway: the server must refuse it cleanly.
  return fc.oneof(...options).map((s) => s ?? 'x'.repeat(max + 1));
}

/** One deliberate defect: wrong type, missing or extra field, out-of-range value, or no object at all. */
export function invalidValue(schema: JsonSchema, context: SchemaContext): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, context);
  const wrongWhole = fc.oneof(
    fc.constant(null),
    fc.constant([]),
    fc.constantFrom(...edgeStrings).map(String),
    fc.constantFrom(...edgeNumbers),
    fc.constant('x'.repeat(100_000)),
  );
  if (resolved.type !== 'object' || !resolved.properties) return wrongWhole;
  const keys = Object.keys(resolved.properties);
  if (keys.length === 0) return wrongWhole;
  const valid = validObject(resolved, context, 0) as fc.Arbitrary<Record<string, unknown>>;
  return fc.oneof(
    wrongWhole,
    fc.tuple(valid, fc.constantFrom(...keys), badValueFor()).map(([body, key, bad]) => ({
      ...body,
      [key]: bad,
    })),
    fc.tuple(valid, fc.constantFrom(...keys)).map(([body, key]) => {
      const { [key]: _dropped, ...rest } = body;
      return rest;
    }),
    valid.map((body) => ({ ...body, unexpectedField: 'x', __proto__x: { polluted: true } })),
  );
}

function badValueFor(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...edgeStrings).map(String),
    fc.constantFrom(...edgeNumbers),
    fc.constant('あ'.repeat(10_000)),
    fc.constant({ nested: { deeper: [1, 2, 3] } }),
    fc.constant([null, 'a', 1]),
    fc.boolean(),
    fc.constant(null),
  );
}

/** Query-string and path values: everything arrives as text, so edge cases are textual. */
export function invalidText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...edgeStrings).map(String),
    fc.constantFrom(...edgeNumbers).map(String),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.constant('9'.repeat(400)),
  );
}
