/**
 * The collector as a Hono app: ingestion at /api/reports, the admin API under /api/admin, and the
 * dashboard's files at /. Built from a database and options, so tests, the CLI and the bench
 * harness all run the same app.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from './db';
import { bearer, createToken, findToken, listTokens, revokeToken, type TokenInfo } from './auth';
import { secretMatches } from './control';
import { extensionCors } from './cors';
import { batchResponse, parseBatch, storeEach } from './ingest';
import { RateLimiter } from './ratelimit';
import type { Logger } from './log';
import { parseFilters } from './filters';
import { exportReports, facets, reportsPage, summary, type Scope } from './queries';
import { csvHeader, csvRow, jsonlRow } from './export';

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

type Env = { Variables: { token: TokenInfo } };

const problem = (c: Context, status: 400 | 401 | 403 | 404 | 413 | 429 | 500 | 503, error: string, headers: Record<string, string> = {}) =>
  c.json({ error }, status, headers);

export function createApp(opts: AppOptions) {
  const { db, log } = opts;
  const limiter = new RateLimiter(opts.rateLimit);
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono<Env>();

  app.onError((err, c) => {
    log('error', 'unhandled error', { method: c.req.method, path: c.req.path, error: String(err) });
    // Ours, not the batch's: the extension keeps the reports and retries.
    return problem(c, 503, 'The collector had an internal error; try again later.', { 'retry-after': '30' });
  });

  /** The token of the request, of the right kind, within its rate limit; or the answer to give. */
  const guard = (kind: 'ingest' | 'admin', realm: string) =>
    async (c: Context<Env>, next: () => Promise<void>) => {
      const secret = bearer(c.req.header('authorization'));
      const challenge = { 'www-authenticate': `Bearer realm="${realm}"` };
      if (!secret) return problem(c, 401, `No token: send "Authorization: Bearer <${kind} token>".`, challenge);
      const token = await findToken(db, secret);
      if (!token) return problem(c, 401, 'This token is unknown or was revoked: ask the collector\'s administrator for a new one.', { 'www-authenticate': `Bearer realm="${realm}", error="invalid_token"` });
      if (token.kind !== kind) {
        return problem(c, 403, kind === 'ingest' ? 'This is an admin token: it can read reports, not send them. Use an ingest token.' : 'This is an ingest token: it can send reports, not read them. Use an admin token.');
      }
      const take = limiter.take(token.id);
      if (!take.ok) {
        log('warn', 'rate limited', { token: token.id, team: token.team, path: c.req.path });
        return problem(c, 429, `Too many requests for this token; try again in ${take.retryAfterSeconds} s.`, { 'retry-after': String(take.retryAfterSeconds) });
      }
      c.set('token', token);
      await next();
    };

  // ---- Ingestion -------------------------------------------------------------------------

  app.use('/api/reports', extensionCors(opts.corsOrigins ?? []));
  app.post(
    '/api/reports',
    bodyLimit({
      maxSize: maxBody,
      // The rest of the body is not read: the connection cannot carry another request after it.
      onError: (c) => problem(c, 413, `The body is larger than ${maxBody} bytes; send fewer reports at a time.`, { connection: 'close' }),
    }),
    guard('ingest', 'reports'),
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
  app.all('/api/reports', (c) => problem(c, 404, 'Reports are sent with POST.'));

  // ---- Admin API -------------------------------------------------------------------------

  const admin = new Hono<Env>();
  admin.use('*', guard('admin', 'dashboard'));
  admin.use('*', async (c, next) => {
    await next();
    c.res.headers.set('cache-control', 'no-store');
  });
  const scope = (c: Context<Env>): Scope => ({ team: c.get('token').team });
  const filtersOr400 = (c: Context<Env>) => parseFilters(new URL(c.req.url).searchParams);

  admin.get('/me', (c) => {
    const t = c.get('token');
    return c.json({ id: t.id, name: t.name, team: t.team });
  });
  admin.get('/facets', async (c) => c.json(await facets(db, scope(c))));
  admin.get('/summary', async (c) => {
    const f = filtersOr400(c);
    if (!f.ok) return problem(c, 400, f.error);
    return c.json(await summary(db, scope(c), f.filters));
  });
  admin.get('/reports', async (c) => {
    const f = filtersOr400(c);
    if (!f.ok) return problem(c, 400, f.error);
    const offset = Number(c.req.query('offset') ?? 0);
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isInteger(offset) || !Number.isInteger(limit)) return problem(c, 400, 'offset and limit are whole numbers.');
    return c.json(await reportsPage(db, scope(c), f.filters, { offset, limit }));
  });
  admin.get('/export', async (c) => {
    const f = filtersOr400(c);
    if (!f.ok) return problem(c, 400, f.error);
    const format = c.req.query('format');
    if (format !== 'csv' && format !== 'jsonl') return problem(c, 400, 'format is csv or jsonl.');
    const rows = exportReports(db, scope(c), f.filters);
    const enc = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(ctl) {
        if (format === 'csv') ctl.enqueue(enc.encode(csvHeader()));
      },
      async pull(ctl) {
        const next = await rows.next();
        if (next.done) return ctl.close();
        ctl.enqueue(enc.encode(format === 'csv' ? csvRow(next.value) : jsonlRow(next.value)));
      },
      async cancel() {
        await rows.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return c.body(stream, 200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="reports-${stamp}.${format}"`,
    });
  });
  admin.all('*', (c) => problem(c, 404, 'No such admin route.'));
  app.route('/api/admin', admin);

  // ---- The CLI's token commands, when the database cannot be opened by a second process ----

  app.post('/api/control/tokens', async (c) => {
    if (!opts.controlSecret || !secretMatches(c.req.header('x-collector-control'), opts.controlSecret)) {
      return problem(c, 404, 'No such route.');
    }
    const body = (await c.req.json().catch(() => ({}))) as { op?: string; kind?: 'ingest' | 'admin'; team?: string | null; name?: string; id?: string };
    try {
      if (body.op === 'list') return c.json({ tokens: await listTokens(db) });
      if (body.op === 'revoke') return c.json({ revoked: await revokeToken(db, String(body.id)) });
      if (body.op === 'create') {
        const made = await createToken(db, { kind: body.kind === 'admin' ? 'admin' : 'ingest', team: body.team ?? null, name: body.name });
        log('info', 'token created', { id: made.info.id, kind: made.info.kind, team: made.info.team });
        return c.json(made);
      }
    } catch (e) {
      return problem(c, 400, e instanceof Error ? e.message : String(e));
    }
    return problem(c, 400, 'op is create, list or revoke.');
  });

  app.get('/healthz', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true });
  });
  app.all('/api/*', (c) => problem(c, 404, 'No such route.'));

  // ---- Dashboard -------------------------------------------------------------------------

  app.get('*', (c) => serveDashboard(c, opts.dashboardDir));
  return app;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

// The dashboard shows text written by strangers: no script but our own, no framing, no referrer.
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function serveDashboard(c: Context, dir: string | undefined) {
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    return c.text('The dashboard is not built: run `npm run collector:build` (or start with `npm run collector`, which builds it).', 503);
  }
  const root = resolve(dir);
  let decoded = '/';
  try {
    decoded = decodeURIComponent(c.req.path);
  } catch {
    // A malformed escape names no file: the app itself answers.
  }
  const path = normalize(join(root, decoded));
  const inside = path.startsWith(root + sep);
  // Every unknown path is the app itself (one page); only real files under assets/ are served as such.
  const file = inside && existsSync(path) && extname(path) ? path : join(root, 'index.html');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const immutable = file.includes(`${sep}assets${sep}`);
  return c.body(readFileSync(file), 200, {
    ...PAGE_HEADERS,
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}
