/**
 * A client that keeps creating customers and writes down what the server acknowledged, so a
 * fault test can compare the client's log with the database afterwards (SECURITY.md,
 * reliability: "every write the client saw acknowledged is present").
 */
export interface WriteOutcome {
  code: string;
  status: number | 'network-error';
  startedAt: number;
  millis: number;
  problemCode?: string;
}

export interface WriteLoad {
  outcomes: WriteOutcome[];
  acknowledged(): string[];
  stop(): Promise<void>;
}

export async function signIn(baseUrl: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'akinai' },
    body: JSON.stringify({ tenantCode: 'demo', loginId: 'admin', password }),
  });
  if (response.status !== 204) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** `writers` loops, each creating customers W<prefix><writer>-<n> one after another. */
export function startWriteLoad(options: {
  baseUrl: () => string;
  cookie: string;
  prefix: string;
  writers: number;
}): WriteLoad {
  const outcomes: WriteOutcome[] = [];
  let running = true;
  const loops = Array.from({ length: options.writers }, async (_, writer) => {
    for (let n = 0; running; n++) {
      const code = `W${options.prefix}${writer}-${n}`;
      const startedAt = Date.now();
      try {
        const response = await fetch(`${options.baseUrl()}/api/v1/customers`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-requested-with': 'akinai',
            cookie: options.cookie,
          },
          body: JSON.stringify({ code, name: `負荷 ${code}` }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = response.status === 201 ? undefined : await response.json().catch(() => ({}));
        outcomes.push({
          code,
          status: response.status,
          startedAt,
          millis: Date.now() - startedAt,
          ...(body?.code ? { problemCode: body.code } : {}),
        });
      } catch {
        outcomes.push({ code, status: 'network-error', startedAt, millis: Date.now() - startedAt });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });
  return {
    outcomes,
    acknowledged: () => outcomes.filter((o) => o.status === 201).map((o) => o.code),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `until` for conditions that ask the database; returns the last value once it satisfies. */
export async function untilResolved<T>(
  probe: () => Promise<T>,
  satisfied: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (satisfied(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not reached in time: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
