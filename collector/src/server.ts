/**
 * startCollector: the whole collector on a port, for the CLI, the tests and the bench harness.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { openDb, type Db } from './db';
import { createApp } from './app';
import { createToken, type TokenInfo, type TokenKind } from './auth';
import { jsonLogger, silentLogger, type Logger } from './log';
import { claim, readLock } from './control';

export const COLLECTOR_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_DIR = resolve(COLLECTOR_DIR, 'data');
export const DEFAULT_DASHBOARD_DIR = resolve(COLLECTOR_DIR, 'dashboard/dist');

export interface CollectorOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  host?: string;
  /** PostgreSQL; without it, the embedded database in dataDir. */
  databaseUrl?: string;
  dataDir?: string;
  /** Per token: requests in a burst, and per second after it. */
  rateLimit?: { burst: number; perSecond: number; now?: () => number };
  maxBodyBytes?: number;
  corsOrigins?: string[];
  dashboardDir?: string;
  latencyMs?: number;
  /** true: JSON lines on stdout; false: nothing; or a logger of your own. */
  log?: boolean | Logger;
}

export interface Collector {
  /** http://host:port */
  url: string;
  /** The address to give the extension. */
  ingestUrl: string;
  db: Db;
  createToken(kind: TokenKind, team?: string | null, name?: string): Promise<{ token: string; info: TokenInfo }>;
  /** Resolves once `n` reports in all have been newly stored through this instance. */
  untilStored(n: number): Promise<void>;
  storedCount(): number;
  /** Requests that stored at least one new report (the bench's batches per second). */
  storedBatches(): number;
  close(): Promise<void>;
}

export const DEFAULT_RATE_LIMIT = { burst: 120, perSecond: 20 };

export async function startCollector(opts: CollectorOptions = {}): Promise<Collector> {
  const log: Logger = opts.log === true || opts.log === undefined ? jsonLogger() : opts.log === false ? silentLogger : opts.log;
  const dataDir = opts.dataDir ?? DEFAULT_DATA_DIR;
  const held = opts.databaseUrl ? null : readLock(dataDir);
  if (held) throw new Error(`Another collector (pid ${held.pid}, ${held.url || 'a token command'}) is using the data folder ${dataDir}; the embedded database serves one process at a time.`);
  const db = await openDb({ databaseUrl: opts.databaseUrl, dataDir });
  const controlSecret = randomBytes(32).toString('base64url');
  let stored = 0;
  let batches = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const app = createApp({
    db,
    log,
    rateLimit: opts.rateLimit ?? DEFAULT_RATE_LIMIT,
    maxBodyBytes: opts.maxBodyBytes,
    corsOrigins: opts.corsOrigins,
    dashboardDir: opts.dashboardDir ?? DEFAULT_DASHBOARD_DIR,
    latencyMs: opts.latencyMs,
    controlSecret: opts.databaseUrl ? undefined : controlSecret,
    onStored(ids) {
      stored += ids.length;
      if (ids.length) batches++;
      for (const w of waiters.filter((w) => stored >= w.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    },
  });
  const host = opts.host ?? '127.0.0.1';
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((res, rej) => {
    const server = serve({ fetch: app.fetch, port: opts.port ?? 8787, hostname: host }, (info: AddressInfo) => res({ server, port: info.port }));
    server.once('error', rej);
  }).catch(async (e) => {
    await db.close();
    throw e;
  });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let lock: { release(): void } | null = null;
  if (!opts.databaseUrl) {
    try {
      lock = claim(dataDir, url, controlSecret);
    } catch (e) {
      server.close();
      await db.close();
      throw e;
    }
  }
  log('info', 'collector listening', { url, database: db.kind === 'postgres' ? 'postgresql' : `pglite:${opts.dataDir ?? DEFAULT_DATA_DIR}` });
  return {
    url,
    ingestUrl: `${url}/api/reports`,
    db,
    createToken: (kind, team, name) => createToken(db, { kind, team, name }),
    untilStored: (n) => (stored >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    storedCount: () => stored,
    storedBatches: () => batches,
    async close() {
      await new Promise<void>((res) => {
        server.close(() => res());
        // Keep-alive connections (a browser's) would hold close() open for minutes.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await db.close();
      lock?.release();
    },
  };
}
