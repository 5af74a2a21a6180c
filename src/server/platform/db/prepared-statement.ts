import type pg from 'pg';

/**
 * A statement PostgreSQL parses once per pooled connection instead of on every request.
 * `EXECUTE name(...)` then travels inside a simple-protocol message (the one-round-trip
 * tenant prelude, ADR 0003), which cannot carry bind parameters, so the arguments are inlined
 * literals: only validated values, never user input (see ADR 0006).
 */
export interface PreparedStatement {
  readonly name: string;
  /** The `PREPARE` command that defines it. */
  readonly definition: string;
}

const names = new Set<string>();

export function preparedStatement(
  name: string,
  parameterTypes: readonly string[],
  text: string,
): PreparedStatement {
  if (!/^akinai_[a-z0-9_]+$/.test(name)) throw new Error(`Bad prepared statement name ${name}`);
  // One namespace per connection: two definitions under one name would execute the wrong one.
  if (names.has(name)) throw new Error(`Prepared statement ${name} is defined twice`);
  names.add(name);
  const types = parameterTypes.length > 0 ? `(${parameterTypes.join(', ')})` : '';
  return { name, definition: `PREPARE ${name}${types} AS ${text}` };
}

/**
 * Which statements each live connection already holds. Prepared statements belong to the
 * server session, survive ROLLBACK and die with the connection; a Client object is never
 * reconnected, so keying on it (weakly, for clients the pool discards) cannot go stale.
 */
const preparedOn = new WeakMap<pg.ClientBase, Set<string>>();

/** The `PREPARE` commands this connection still needs before it can execute `statements`. */
export function missingDefinitions(
  client: pg.ClientBase,
  statements: readonly PreparedStatement[],
): PreparedStatement[] {
  const known = preparedOn.get(client);
  return statements.filter((statement) => !known?.has(statement.name));
}

export function markPrepared(client: pg.ClientBase, statements: readonly PreparedStatement[]) {
  if (statements.length === 0) return;
  let known = preparedOn.get(client);
  if (!known) {
    known = new Set();
    preparedOn.set(client, known);
  }
  for (const statement of statements) known.add(statement.name);
}
