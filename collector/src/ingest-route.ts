/** POST /api/reports: docs/endpoint.md over HTTP. The work itself is in ingest.ts. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from './db';
import { extensionCors } from './cors';
import { guard } from './guard';
import { problem, type Env } from './http';
import { batchResponse, parseBatch, storeEach } from './ingest';
import type { Logger } from './log';
import type { RateLimiter } from './ratelimit';

export interface IngestOptions {
  db: Db;
  log: Logger;
  limiter: RateLimiter;
  maxBody: number;
  corsOrigins: string[];
  latencyMs?: number;
  onStored?: (ids: string[]) => void;
}

export function ingestRoute(opts: IngestOptions) {
  const { db, log, maxBody } = opts;
  const app = new Hono<Env>();
  app.use('/', extensionCors(opts.corsOrigins));
  app.post(
    '/',
    bodyLimit({
      maxSize: maxBody,
      // The rest of the body is not read: the connection cannot carry another request after it.
      onError: (c) => problem(c, 413, `The body is larger than ${maxBody} bytes; send fewer reports at a time.`, { connection: 'close' }),
    }),
    guard(db, opts.limiter, log, 'ingest', 'reports'),
    async (c) => {
      const started = performance.now();
      const token = c.get('token');
      const text = await c.req.text();
      const parsed = parseBatch(text);
      const base = { token: token.id, team: token.team, idempotencyKey: c.req.header('idempotency-key') ?? null, bytes: Buffer.byteLength(text) };
      if (!parsed.ok) {
        log('warn', 'batch refused', { ...base, status: parsed.status, error: parsed.error });
        return problem(c, parsed.status, parsed.error, parsed.status === 503 ? { 'retry-after': '3600' } : {});
      }
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
      let stored: Awaited<ReturnType<typeof storeEach>>;
      try {
        stored = await storeEach(db, { team: token.team!, tokenId: token.id }, parsed.envelope, parsed.valid);
      } catch (e) {
        log('error', 'storing failed', { ...base, error: String(e) });
        return problem(c, 503, 'The collector could not store the reports right now; they will be sent again.', { 'retry-after': '30' });
      }
      const body = batchResponse(parsed.valid, stored.inserted, [...parsed.rejected, ...stored.refused]);
      log('info', 'batch stored', {
        ...base,
        client: parsed.envelope.client.version,
        browser: parsed.envelope.client.browser,
        reports: parsed.envelope.reports.length,
        accepted: body.accepted.length,
        duplicate: body.duplicate.length,
        rejected: body.rejected.length,
        ms: Math.round(performance.now() - started),
      });
      if (body.accepted.length) opts.onStored?.(body.accepted);
      return c.json(body, 200);
    },
  );
  app.all('/', (c) => problem(c, 404, 'Reports are sent with POST.'));
  return app;
}
