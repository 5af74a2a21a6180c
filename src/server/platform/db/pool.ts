import pg from 'pg';

/** int8 (counts, audit sequence numbers) as JS numbers: they stay far below 2^53. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // Fail fast while the database is down: callers answer 503 instead of queueing forever.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    application_name: 'akinai',
  });
  // A connection lost to a database restart or failover raises an 'error' event on its client.
  // Idle clients report it to the pool, which drops them; a checked-out client would raise it
  // with no listener and crash the process, even between the statements of a transaction or
  // during COMMIT (found by test/faults/database-restart.test.ts). Every client gets a listener
  // for its whole life: the failing query still rejects, and the pool discards the dead client
  // when it comes back.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}
