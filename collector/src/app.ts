/**
 * The collector as a Hono app: ingestion at /api/reports, the admin API under /api/admin, and the
 * dashboard's files at /. Built from a database and options, so tests, the CLI and the bench
 * harness all run the same app.
 */
import { Hono } from 'hono';
import type { Db } from './db';
import { adminApi } from './admin';
import { controlRoute } from './control-route';
import { serveDashboard } from './dashboard-files';
import { problem, type Env } from './http';
import { ingestRoute } from './ingest-route';
import type { Logger } from './log';
import { RateLimiter } from './ratelimit';

/** The extension sends about 1 MB at most, except for one huge report alone; the protocol asks for 2 MB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface AppOptions {
  db: Db;
  log: Logger;
  rateLimit: { burst: number; perSecond: number; now?: () => number };
  maxBodyBytes?: number;
  /** Exact extension origins allowed by CORS; empty: any extension origin. */
  corsOrigins?: string[];
  /** Folder of the built dashboard; without it, / says how to build it. */
  dashboardDir?: string;
  /** Artificial delay before each ingest answer, for benchmarks of a slow collector. */
  latencyMs?: number;
  /** Enables /api/control for the CLI's token commands (see control.ts). */
  controlSecret?: string;
  /** Called after reports were stored (tests and the bench wait on it instead of polling). */
  onStored?: (ids: string[]) => void;
}

export function createApp(opts: AppOptions) {
  const { db, log } = opts;
  const limiter = new RateLimiter(opts.rateLimit);
  const app = new Hono<Env>();

  app.onError((err, c) => {
    log('error', 'unhandled error', { method: c.req.method, path: c.req.path, error: String(err) });
    // Ours, not the batch's: the extension keeps the reports and retries.
    return problem(c, 503, 'The collector had an internal error; try again later.', { 'retry-after': '30' });
  });

  app.route('/api/reports', ingestRoute({
    db,
    log,
    limiter,
    maxBody: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    corsOrigins: opts.corsOrigins ?? [],
    latencyMs: opts.latencyMs,
    onStored: opts.onStored,
  }));
  app.route('/api/admin', adminApi(db, limiter, log));
  if (opts.controlSecret) app.route('/api/control', controlRoute(db, log, opts.controlSecret));

  app.get('/healthz', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true });
  });
  app.all('/api/*', (c) => problem(c, 404, 'No such route.'));

  // ---- Dashboard -------------------------------------------------------------------------

  app.get('*', (c) => serveDashboard(c, opts.dashboardDir));
  return app;
}
