/**
 * Concurrent clients for the kill -9 test: each loop keeps sending one kind of write and logs
 * what the server acknowledged, so the test can hold the database against the client's log.
 * Every kind writes several rows in one request:
 * - customer: an auto-numbered 得意先 with two 分類 (customer row, two assignment rows, audit);
 * - product: an auto-numbered 商品 (product row, audit; numbering of a second kind);
 * - bulk: 一括分類設定 of a whole group of customers, cycling through an axis's items (one
 *   assignment, one version bump and one audit row per member and request).
 */
export type WriteKind = 'customer' | 'product' | 'bulk';

export interface MixedOutcome {
  kind: WriteKind;
  /** customer/product: the name sent; bulk: `<group>:<sequence>`. */
  key: string;
  status: number | 'network-error';
  /** The code the server assigned (customer, product), when acknowledged. */
  code?: string;
}

export interface MixedLoadOptions {
  baseUrl: () => string;
  cookie: string;
  customerWriters: number;
  productWriters: number;
  customerClassifications: { axisId: string; itemId: string }[];
  /** One bulk writer per group: members and the items it cycles through. */
  bulkGroups: { memberIds: string[]; axisId: string; itemIds: string[] }[];
}

export interface MixedLoad {
  outcomes: MixedOutcome[];
  acknowledged(kind?: WriteKind): MixedOutcome[];
  stop(): Promise<void>;
}

export const CUSTOMER_PREFIX = '負荷顧客';
export const PRODUCT_PREFIX = '負荷商品';

export function startMixedLoad(options: MixedLoadOptions): MixedLoad {
  const outcomes: MixedOutcome[] = [];
  let running = true;

  /** Resolves true when the server answered (whatever it said), false on a network error. */
  async function send(kind: WriteKind, key: string, path: string, body: unknown) {
    try {
      const response = await fetch(`${options.baseUrl()}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-requested-with': 'akinai',
          cookie: options.cookie,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const json = (await response.json().catch(() => ({}))) as { code?: string };
      outcomes.push({
        kind,
        key,
        status: response.status,
        ...(response.status === 201 && json.code ? { code: json.code } : {}),
      });
      return true;
    } catch {
      outcomes.push({ kind, key, status: 'network-error' });
      // The app is down: back off a little instead of spinning on refused connections.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return false;
    }
  }

  const loops: Promise<void>[] = [];
  for (let writer = 0; writer < options.customerWriters; writer++) {
    loops.push(
      (async () => {
        for (let n = 0; running; n++) {
          const name = `${CUSTOMER_PREFIX} ${writer}-${n}`;
          await send('customer', name, '/api/v1/customers', {
            code: '',
            name,
            classifications: options.customerClassifications,
          });
        }
      })(),
    );
  }
  for (let writer = 0; writer < options.productWriters; writer++) {
    loops.push(
      (async () => {
        for (let n = 0; running; n++) {
          const name = `${PRODUCT_PREFIX} ${writer}-${n}`;
          await send('product', name, '/api/v1/products', { code: '', name });
        }
      })(),
    );
  }
  options.bulkGroups.forEach((group, index) => {
    loops.push(
      (async () => {
        // After a network error the same request is sent again (setting an item is
        // idempotent), so the group only ever moves from request n to n + 1.
        for (let n = 0; running; ) {
          const answered = await send(
            'bulk',
            `${index}:${n}`,
            '/api/v1/customers/bulk-classification',
            {
              axisId: group.axisId,
              itemId: group.itemIds[n % group.itemIds.length],
              target: { kind: 'selected', partnerIds: group.memberIds },
            },
          );
          if (answered) n++;
        }
      })(),
    );
  });

  return {
    outcomes,
    acknowledged: (kind) =>
      outcomes.filter((o) => (o.status === 200 || o.status === 201) && (!kind || o.kind === kind)),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
