/**
 * The API contract of docs/endpoint.md, written once and run on each database (PGlite and a real
 * PostgreSQL server): the same requests must give the same answers and store the same rows.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchResponseSchema } from '../../lib/sync/protocol';
import { createApp } from '../src/app';
import { migrate } from '../src/db/migrate';
import { silentLogger } from '../src/log';
import { startCollector, type Collector, type CollectorOptions } from '../src/server';
import { batch, makeReport } from './reports';

export interface Backend {
  /** Where the collector keeps its data for this run. */
  open(): Promise<Pick<CollectorOptions, 'dataDir' | 'databaseUrl'>>;
  cleanup(): Promise<void>;
}

export function contractSuite(label: string, backend: Backend) {
  describe(`API contract on ${label}`, () => {
    let c: Collector;
    let ingest: string;
    let admin: string;

    const post = (body: unknown, token: string | null = ingest, headers: Record<string, string> = {}) =>
      fetch(c.ingestUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const stored = async (ids: string[]) =>
      (await c.db.query<{ id: string }>('SELECT id FROM reports WHERE id = ANY($1::text[]) ORDER BY id', [ids])).map((r) => r.id);
    const getAdmin = (path: string, token = admin) => fetch(`${c.url}/api/admin${path}`, { headers: { authorization: `Bearer ${token}` } });

    beforeAll(async () => {
      c = await startCollector({ port: 0, log: false, rateLimit: { burst: 10_000, perSecond: 1_000 }, ...(await backend.open()) });
      ingest = (await c.createToken('ingest', 'newsroom', 'test')).token;
      admin = (await c.createToken('admin', 'newsroom', 'test')).token;
    });
    afterAll(async () => {
      await c?.close();
      await backend.cleanup();
    });

    it('records its migrations, and applying them again changes nothing', async () => {
      const names = (await c.db.query<{ name: string }>('SELECT name FROM collector_migrations ORDER BY name')).map((r) => r.name);
      expect(names).toContain('001_init.sql');
      // As when several instances start on one server at once.
      expect(await Promise.all([migrate(c.db), migrate(c.db)])).toEqual([[], []]);
    });

    it('accepts a valid batch and stores every report', async () => {
      const reports = [makeReport(), makeReport({ rating: 'up', flags: [], comment: undefined }), makeReport({ vendor: 'anthropic', site: 'claude' })];
      const res = await post(batch(reports), ingest, { 'idempotency-key': '01a207d8-0b2e-7c41-8f3a-5e6d7c8b9a01' });
      expect(res.status).toBe(200);
      const body = BatchResponseSchema.parse(await res.json());
      expect(body).toEqual({ accepted: reports.map((r) => r.id), duplicate: [], rejected: [] });
      expect(await stored(reports.map((r) => r.id))).toEqual(reports.map((r) => r.id).sort());
      const [row] = await c.db.query<{ team: string; vendor: string; flags: string[]; report: { comment: string } }>(
        'SELECT team, vendor, flags, report FROM reports WHERE id = $1',
        [reports[0]!.id],
      );
      expect(row).toMatchObject({ team: 'newsroom', vendor: 'openai', flags: ['factually-wrong'], report: { comment: 'Wrong year.' } });
    });

    it("accepts the example batch of docs/endpoint.md as it is written", async () => {
      const doc = readFileSync(new URL('../../docs/endpoint.md', import.meta.url), 'utf8');
      const example = JSON.parse(/<!-- example: batch -->\s*```json\n([\s\S]*?)```/.exec(doc)![1]!);
      const body = await (await post(example)).json();
      expect(body).toEqual({ accepted: example.reports.map((r: { id: string }) => r.id), duplicate: [], rejected: [] });
    });

    it('answers a connection test (no reports) with 200 and empty lists', async () => {
      const res = await post(batch([]));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ accepted: [], duplicate: [], rejected: [] });
    });

    it('rejects an invalid report with a reason and stores the valid ones around it', async () => {
      const good1 = makeReport();
      const bad = { ...makeReport(), answer: { key: 'k', sha256: 'not-a-hash' } };
      const good2 = makeReport();
      const res = await post(batch([good1, bad, good2]));
      expect(res.status).toBe(200);
      const body = BatchResponseSchema.parse(await res.json());
      expect(body.accepted).toEqual([good1.id, good2.id]);
      expect(body.duplicate).toEqual([]);
      expect(body.rejected).toHaveLength(1);
      expect(body.rejected[0]!.id).toBe(bad.id);
      expect(body.rejected[0]!.reason).toMatch(/answer\.sha256/);
      expect(await stored([good1.id, bad.id, good2.id])).toEqual([good1.id, good2.id].sort());
    });

    it('stores unknown fields and unknown site, vendor and flag values as they come (protocol versioning)', async () => {
      const r = { ...makeReport({ site: 'newbot' as never, vendor: 'newco' as never, flags: ['brand-new-category'] }), futureField: { x: 1 } };
      const body = await (await post(batch([r]))).json();
      expect(body.accepted).toEqual([r.id]);
      const [row] = await c.db.query<{ site: string; report: { futureField: unknown } }>('SELECT site, report FROM reports WHERE id = $1', [r.id]);
      expect(row).toMatchObject({ site: 'newbot', report: { futureField: { x: 1 } } });
    });

    it('rejects a report whose text the database cannot hold instead of failing the batch', async () => {
      const ok = makeReport();
      const nul = makeReport({ comment: 'a\u0000b' });
      const lone = makeReport({ correction: 'x\ud800y' });
      const body = await (await post(batch([ok, nul, lone]))).json();
      expect(body.accepted).toEqual([ok.id]);
      expect(body.rejected.map((r: { id: string }) => r.id)).toEqual([nul.id, lone.id]);
      expect(body.rejected[0].reason).toMatch(/comment/);
    });

    it('rejects a report with a value the database refuses (year 0) and stores the rest of the batch', async () => {
      const ok1 = makeReport();
      const year0 = makeReport({ createdAt: '0000-01-01T00:00:00Z' });
      const ok2 = makeReport();
      const res = await post(batch([ok1, year0, ok2]));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.accepted).toEqual([ok1.id, ok2.id]);
      expect(body.duplicate).toEqual([]);
      expect(body.rejected.map((r: { id: string }) => r.id)).toEqual([year0.id]);
      expect(body.rejected[0].reason).toMatch(/database refused/);
      expect(await stored([ok1.id, year0.id, ok2.id])).toEqual([ok1.id, ok2.id].sort());
    });

    it('answers a resent report as duplicate and keeps one row', async () => {
      const a = makeReport();
      const b = makeReport();
      expect((await (await post(batch([a]))).json()).accepted).toEqual([a.id]);
      // A retry regroups: the old report with a new one, and the same report twice in one batch.
      const body = await (await post(batch([b, a, b]))).json();
      expect(body).toEqual({ accepted: [b.id], duplicate: [a.id], rejected: [] });
      expect(await stored([a.id, b.id])).toEqual([a.id, b.id].sort());
      const [count] = await c.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::text[])', [[a.id, b.id]]);
      expect(count!.n).toBe(2);
    });

    it('stores each report once when identical batches arrive at the same time', async () => {
      const reports = Array.from({ length: 40 }, () => makeReport());
      const ids = reports.map((r) => r.id);
      const answers = await Promise.all(Array.from({ length: 6 }, () => post(batch(reports)).then((r) => r.json())));
      const accepted = answers.flatMap((a) => a.accepted);
      const duplicate = answers.flatMap((a) => a.duplicate);
      // Every id accepted by exactly one request, a duplicate for the five others.
      expect([...accepted].sort()).toEqual([...ids].sort());
      expect(duplicate).toHaveLength(ids.length * 5);
      for (const a of answers) expect([...a.accepted, ...a.duplicate].sort()).toEqual([...ids].sort());
      const [count] = await c.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::text[])', [ids]);
      expect(count!.n).toBe(ids.length);
    });

    it('refuses a malformed envelope with 400 and a JSON error, an unknown protocol version with 503', async () => {
      const notJson = await post('{"schema":');
      expect(notJson.status).toBe(400);
      expect((await notJson.json()).error).toMatch(/not JSON/);
      const noReports = await post({ schema: 'behind-the-answer.reports/1' });
      expect(noReports.status).toBe(400);
      expect((await noReports.json()).error).toMatch(/"schema" and "reports"/);
      const badClient = await post({ ...batch([]), client: { name: 'other' } });
      expect(badClient.status).toBe(400);
      expect((await badClient.json()).error).toMatch(/client/);
      const tooMany = await post(batch(Array.from({ length: 101 }, () => makeReport())));
      expect(tooMany.status).toBe(400);
      const future = await post({ ...batch([makeReport()]), schema: 'behind-the-answer.reports/2' });
      expect(future.status).toBe(503);
      expect(future.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await future.json()).error).toMatch(/must be updated/);
    });

    it('refuses an oversized body with 413, announced or streamed', async () => {
      const huge = JSON.stringify(batch([makeReport({ comment: 'x'.repeat(5 * 1024 * 1024) })]));
      const res = await post(huge);
      expect(res.status).toBe(413);
      // Without Content-Length (chunked), the limit still holds while reading.
      const enc = new TextEncoder().encode(huge);
      const chunked = await fetch(c.ingestUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/json' },
        body: new ReadableStream({
          start(ctl) {
            for (let i = 0; i < enc.length; i += 65536) ctl.enqueue(enc.slice(i, i + 65536));
            ctl.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      // A full batch of about 1 MB, as the extension sends, fits.
      const big = Array.from({ length: 100 }, () => makeReport({ comment: 'y'.repeat(9_500) }));
      const ok = await post(batch(big));
      expect(ok.status).toBe(200);
      expect((await ok.json()).accepted).toHaveLength(100);
    });

    it('answers a missing, unknown or revoked token with 401 and a Bearer challenge; the wrong kind with 403', async () => {
      const none = await post(batch([]), null);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
      const unknown = await post(batch([]), 'bta_ingest_nottherealone');
      expect(unknown.status).toBe(401);
      expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer .*invalid_token/);
      const basic = await post(batch([]), null, { authorization: 'Basic dXNlcjpwYXNz' });
      expect(basic.status).toBe(401);

      const revoked = await c.createToken('ingest', 'newsroom', 'to revoke');
      expect((await post(batch([]), revoked.token)).status).toBe(200);
      await c.db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [revoked.info.id]);
      expect((await post(batch([]), revoked.token)).status).toBe(401);

      const r = makeReport();
      const adminIngests = await post(batch([r]), admin);
      expect(adminIngests.status).toBe(403);
      expect(await stored([r.id])).toEqual([]);
      const ingestReads = await getAdmin('/summary', ingest);
      expect(ingestReads.status).toBe(403);
      const noneReads = await fetch(`${c.url}/api/admin/summary`);
      expect(noneReads.status).toBe(401);
      expect(noneReads.headers.get('www-authenticate')).toMatch(/^Bearer /);
    });

    it('keeps only a hash of each token', async () => {
      const { token, info } = await c.createToken('admin', null, 'hash check');
      const [row] = await c.db.query<{ hash: string }>('SELECT hash FROM tokens WHERE id = $1', [info.id]);
      expect(token).toMatch(/^bta_admin_[A-Za-z0-9_-]{43}$/);
      expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
      const dump = JSON.stringify(await c.db.query('SELECT * FROM tokens'));
      expect(dump).not.toContain(token.slice('bta_admin_'.length));
    });

    it('limits requests per token with 429 and Retry-After, and lets them through again once refilled', async () => {
      let now = 1_000_000;
      // The same database behind an app with a tiny bucket and a clock the test moves.
      const app = createApp({ db: c.db, log: silentLogger, rateLimit: { burst: 2, perSecond: 0.5, now: () => now } });
      const other = (await c.createToken('ingest', 'newsroom', 'rate')).token;
      const send = (token: string) =>
        app.request('/api/reports', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(batch([])) });
      expect((await send(ingest)).status).toBe(200);
      expect((await send(ingest)).status).toBe(200);
      const limited = await send(ingest);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      // Per token: another token still has its own bucket.
      expect((await send(other)).status).toBe(200);
      now += 1_000;
      expect((await send(ingest)).status).toBe(429);
      now += 1_000;
      expect((await send(ingest)).status).toBe(200);
    });

    it('answers CORS for extension origins only, preflight included', async () => {
      const pre = await fetch(c.ingestUrl, {
        method: 'OPTIONS',
        headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key,x-desk' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
      expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
      expect(pre.headers.get('access-control-allow-headers')).toBe('content-type, authorization, idempotency-key, x-team, x-desk');
      expect(pre.headers.get('access-control-max-age')).toBe('86400');

      const moz = await post(batch([]), ingest, { origin: 'moz-extension://0b7a3c2e-1111-4222-8333-944455556666' });
      expect(moz.headers.get('access-control-allow-origin')).toBe('moz-extension://0b7a3c2e-1111-4222-8333-944455556666');
      expect(moz.headers.get('access-control-expose-headers')).toBe('Retry-After');
      // On refusals too, so the extension can read them.
      const refused = await post(batch([]), null, { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');

      const web = await post(batch([]), ingest, { origin: 'https://evil.example' });
      expect(web.headers.get('access-control-allow-origin')).toBeNull();
      const webPre = await fetch(c.ingestUrl, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(webPre.headers.get('access-control-allow-origin')).toBeNull();
      const adminCors = await fetch(`${c.url}/api/admin/summary`, { headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', authorization: `Bearer ${admin}` } });
      expect(adminCors.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('serves the dashboard data to an admin token, scoped to its team', async () => {
      const other = (await c.createToken('ingest', 'lab', 'other team')).token;
      const labReport = makeReport({ vendor: 'google', site: 'gemini', model: 'Gemini 3 Pro', flags: ['made-up-source', 'outdated'], comment: '=HYPERLINK("http://x")' });
      expect((await (await post(batch([labReport]), other)).json()).accepted).toEqual([labReport.id]);

      const mine = await (await getAdmin('/summary')).json();
      expect(mine.byVendor.map((v: { key: string }) => v.key)).not.toContain('google');
      const everyone = (await c.createToken('admin', null, 'all')).token;
      const all = await (await getAdmin('/summary', everyone)).json();
      expect(all.byVendor).toContainEqual({ key: 'google', count: 1 });
      expect(all.totals.reports).toBe(mine.totals.reports + 1);

      const page = await (await getAdmin('/reports?vendor=google&category=outdated&limit=10', everyone)).json();
      expect(page.total).toBe(1);
      expect(page.rows[0]).toMatchObject({ team: 'lab', report: { id: labReport.id, comment: '=HYPERLINK("http://x")' } });
      expect((await (await getAdmin('/reports?vendor=google')).json()).total).toBe(0);
      expect((await getAdmin('/reports?rating=sideways')).status).toBe(400);

      const csv = await (await getAdmin('/export?format=csv&team=lab&vendor=google', everyone)).text();
      const lines = csv.trim().split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
      const jsonl = await (await getAdmin('/export?format=jsonl&vendor=google', everyone)).text();
      expect(jsonl.trim().split('\n').map((l) => JSON.parse(l).report.id)).toEqual([labReport.id]);
    });

    it('serves the dashboard with a strict content security policy, and nothing outside its folder', async () => {
      const page = await fetch(`${c.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      const html = await page.text();
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
      const js = await fetch(`${c.url}${script}`);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      expect(js.headers.get('cache-control')).toContain('immutable');
      for (const probe of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/%E0%A4%A']) {
        const res = await fetch(`${c.url}${probe}`);
        expect(await res.text()).toBe(html);
      }
    });

    it('exports every report of a filter across chunk boundaries, newest first, each once', async () => {
      const base = Date.parse('2025-01-10T12:00:00Z');
      const many = Array.from({ length: 120 }, (_, i) => makeReport({ model: 'Export Model' }, base + Math.floor(i / 3) * 1000));
      for (let i = 0; i < many.length; i += 100) expect((await post(batch(many.slice(i, i + 100)))).status).toBe(200);
      const text = await (await getAdmin('/export?format=jsonl&model=Export%20Model')).text();
      const got = text.trim().split('\n').map((l) => JSON.parse(l).report as { id: string; createdAt: string });
      expect(got).toHaveLength(120);
      expect(new Set(got.map((r) => r.id)).size).toBe(120);
      const times = got.map((r) => r.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      const day = await (await getAdmin('/summary?model=Export%20Model&from=2025-01-10&to=2025-01-10')).json();
      expect(day.totals.reports).toBe(120);
      expect(day.overTime).toEqual([{ day: '2025-01-10', reports: 120, flagged: 120, up: 0, down: 120 }]);
      const next = await (await getAdmin('/summary?model=Export%20Model&from=2025-01-11')).json();
      expect(next.totals.reports).toBe(0);
    });
  });
}
