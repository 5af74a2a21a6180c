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
  // An idle client losing its connection (database restart) must not crash the process; the
  // pool drops it and the next checkout reconnects.
  pool.on('error', () => {});
  return pool;
}
