/** The admin API under /api/admin: what the dashboard reads, for admin tokens, scoped to their team. */
import { Hono, type Context } from 'hono';
import type { Db } from './db';
import { csvHeader, csvRow, jsonlRow } from './export';
import { parseFilters } from './filters';
import { guard } from './guard';
import { problem, type Env } from './http';
import type { Logger } from './log';
import { exportReports, facets, reportsPage, summary, type Scope } from './queries';
import type { RateLimiter } from './ratelimit';

export function adminApi(db: Db, limiter: RateLimiter, log: Logger) {
  const admin = new Hono<Env>();
  admin.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const token = c.get('token') as { id: string } | undefined;
    log(c.res.status >= 500 ? 'error' : 'info', 'admin request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      token: token?.id ?? null,
      ms: Math.round(performance.now() - started),
    });
  });
  admin.use('*', guard(db, limiter, log, 'admin', 'dashboard'));
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
  return admin;
}
