import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Bulk work yields to interactive work (ADR 0025). A streamed export produces its next chunk
 * only while the event loop has room: when the loop was busier than `maxLoopShare` over the
 * last sampling window, the stream waits a little (at most `maxWaitMs` per chunk, so it always
 * progresses). An export alone runs at full speed; next to other users' requests it slows
 * down instead of making them queue behind its CSV batches and compression.
 */
export interface BulkPacing {
  maxLoopShare: number;
  maxWaitMs: number;
}

const WINDOW_MS = 50;
const BACK_OFF_MS = 5;

let recentShare = 0;
let sampler: NodeJS.Timeout | undefined;
let pacedStreams = 0;

/** Samples the event loop's utilisation only while some paced stream is running. */
function startSampling(): void {
  pacedStreams++;
  if (sampler) return;
  let last = performance.eventLoopUtilization();
  sampler = setInterval(() => {
    const now = performance.eventLoopUtilization();
    recentShare = performance.eventLoopUtilization(now, last).utilization;
    last = now;
  }, WINDOW_MS);
  sampler.unref();
}

function stopSampling(): void {
  pacedStreams--;
  if (pacedStreams > 0 || !sampler) return;
  clearInterval(sampler);
  sampler = undefined;
  recentShare = 0;
}

async function* paced(source: Readable, pacing: BulkPacing): AsyncGenerator<Buffer> {
  startSampling();
  try {
    for await (const chunk of source) {
      let waited = 0;
      while (recentShare > pacing.maxLoopShare && waited < pacing.maxWaitMs) {
        await sleep(BACK_OFF_MS);
        waited += BACK_OFF_MS;
      }
      yield chunk as Buffer;
    }
  } finally {
    stopSampling();
  }
}

/** The same bytes as `source`, produced no faster than the event loop can spare. */
export function pacedStream(source: Readable, pacing: BulkPacing): Readable {
  return Readable.from(paced(source, pacing), { objectMode: false });
}
