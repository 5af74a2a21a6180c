import { keepAliveAgent, Recorder, send } from './http-load';

/**
 * The noisy tenant, in a process of its own so that reading its megabytes of exports does not
 * delay the measured tenant's timers in the parent. Each connection downloads the full data
 * export and the audit CSV in turn, reading every byte, and starts the next as soon as one
 * ends. A 429 is retried after `pauseAfterRefusalMs` (0: at once, ignoring Retry-After — the
 * worst client).
 */
interface FloodOrder {
  url: string;
  cookies: string[];
  connections: number;
  pauseAfterRefusalMs: number;
}

const paths = [
  ['data export', '/api/v1/data-export'],
  ['audit CSV', '/api/v1/audit-log/export'],
] as const;

let stopping = false;
let agent: ReturnType<typeof keepAliveAgent> | undefined;
const recorder = new Recorder();

process.on('message', async (message: { type: string } & Partial<FloodOrder>) => {
  if (message.type === 'stop') {
    stopping = true;
    // Abort the downloads in flight: the measurement window has ended.
    agent?.destroy();
    return;
  }
  if (message.type !== 'start') return;
  const order = message as FloodOrder;
  agent = keepAliveAgent(order.connections);
  const flooding = agent;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: order.connections }, async (_, worker) => {
      let turn = worker;
      while (!stopping) {
        const [kind, path] = paths[turn++ % paths.length]!;
        try {
          const answer = await send(
            flooding,
            order.url,
            {
              method: 'GET',
              path,
              headers: { cookie: order.cookies[worker % order.cookies.length]! },
            },
            { timeoutMs: 120_000 },
          );
          recorder.record(kind, answer);
          if (answer.status === 429 && order.pauseAfterRefusalMs > 0) {
            await new Promise((resolve) => setTimeout(resolve, order.pauseAfterRefusalMs));
          }
        } catch (error) {
          if (!stopping) recorder.fail(kind, error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  process.send?.({
    type: 'done',
    seconds,
    kinds: paths.map(([kind]) => recorder.summary(kind, seconds)),
    failures: recorder.failures,
  });
});
process.send?.({ type: 'ready' });
