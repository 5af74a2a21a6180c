import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 4 KiB at a time: one randomFillSync per id cost 2.5 % of a 100,000-row import. */
const RANDOM_POOL_BYTES = 4096;
const randomPool = Buffer.allocUnsafe(RANDOM_POOL_BYTES);
let randomOffset = RANDOM_POOL_BYTES;

function random16(): Buffer {
  if (randomOffset === RANDOM_POOL_BYTES) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const bytes = randomPool.subarray(randomOffset, randomOffset + 16);
  randomOffset += 16;
  return bytes;
}

/**
 * UUID version 7 (RFC 9562): time-ordered, so new rows land at the right edge of the
 * (tenant_id, id) indexes instead of scattering writes. Ids are identifiers, never secrets.
 */
export function uuidv7(now: number = Date.now()): string {
  // A view into the pool: written and read here only, before the pool is refilled.
  const bytes = random16();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
