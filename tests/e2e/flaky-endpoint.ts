/**
 * A real HTTP endpoint on 127.0.0.1 that misbehaves on purpose, as networks and servers
 * do: errors, throttling with Retry-After in both forms, dropped connections, answers
 * slower than the client's timeout, and batches stored before the connection drops.
 * It stores reports by id, as the protocol asks, and counts what it holds.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Misbehaviour = '500' | '503-retry-after' | '429-date' | 'drop' | 'slow' | 'store-then-drop';
export const MISBEHAVIOURS: Misbehaviour[] = ['500', '503-retry-after', '429-date', 'drop', 'slow', 'store-then-drop'];

export interface EndpointOptions {
  /** Share of requests answered badly (0..1). */
  failRate: number;
  /** How long a "slow" answer takes, more than the client's timeout. */
  slowMs: number;
  /** Extra delay before every good answer (keeps batches in flight for restart tests). */
  delayMs?: number;
  seed?: number;
}

export interface FlakyEndpoint {
  url: string;
  /** Distinct report ids stored. */
  readonly stored: ReadonlySet<string>;
  readonly requests: number;
  readonly misbehaved: Record<string, number>;
  /** Every stored id, counted each time a batch carried it (duplicates show > 1). */
  readonly received: ReadonlyMap<string, number>;
  set(opts: Partial<EndpointOptions> & { refuseToken?: boolean }): void;
  /** Resolves when at least `n` distinct reports are stored. */
  untilStored(n: number): Promise<void>;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': 'content-type, authorization, idempotency-key, x-team',
  'access-control-expose-headers': 'retry-after',
};

/** Small seeded generator: the same misbehaviour sequence on every run. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFlakyEndpoint(initial: EndpointOptions): Promise<FlakyEndpoint> {
  let opts: EndpointOptions & { refuseToken?: boolean } = { ...initial };
  const rng = mulberry32(initial.seed ?? 7);
  const stored = new Set<string>();
  const received = new Map<string, number>();
  const misbehaved: Record<string, number> = {};
  const waiters: { n: number; resolve: () => void }[] = [];
  let requests = 0;
  let failures = 0;
  const sockets = new Set<import('node:net').Socket>();

  function store(ids: string[]) {
    const fresh: string[] = [];
    const dup: string[] = [];
    for (const id of ids) {
      received.set(id, (received.get(id) ?? 0) + 1);
      (stored.has(id) ? dup : fresh).push(id);
      stored.add(id);
    }
    for (const w of [...waiters]) {
      if (stored.size >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
    return { accepted: fresh, duplicate: dup };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    requests++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { reports: { id: string }[] };
    const ids = batch.reports.map((r) => r.id);

    if (opts.refuseToken) {
      res.writeHead(401, { ...CORS, 'content-type': 'text/plain' }).end('token revoked');
      return;
    }
    if (rng() < opts.failRate) {
      // In turn, so that even a short run meets every kind of failure.
      const kind = MISBEHAVIOURS[failures++ % MISBEHAVIOURS.length]!;
      misbehaved[kind] = (misbehaved[kind] ?? 0) + 1;
      switch (kind) {
        case '500':
          res.writeHead(500, CORS).end('internal error');
          return;
        case '503-retry-after':
          res.writeHead(503, { ...CORS, 'retry-after': '1' }).end();
          return;
        case '429-date':
          res.writeHead(429, { ...CORS, 'retry-after': new Date(Date.now() + 1500).toUTCString() }).end();
          return;
        case 'drop':
          req.socket.destroy();
          return;
        case 'slow':
          // The work is done; the client has given up before it hears so.
          store(ids);
          await new Promise((r) => setTimeout(r, opts.slowMs));
          if (!res.destroyed) res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end('{}');
          return;
        case 'store-then-drop':
          store(ids);
          req.socket.destroy();
          return;
      }
    }
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    if (res.destroyed) return;
    const body = store(ids);
    res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/reports`,
    stored,
    received,
    misbehaved,
    get requests() {
      return requests;
    },
    set(o) {
      opts = { ...opts, ...o };
    },
    untilStored(n) {
      if (stored.size >= n) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
