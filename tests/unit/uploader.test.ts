/**
 * The uploader against a scripted endpoint (a fake fetch that answers per request):
 * every response class, backoff bounds, both Retry-After forms, splitting, pausing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addReport, allReports, clearOutbox, countByState, openOutbox, type Outbox } from '../../lib/outbox/db';
import { completeReport, uuidv7, type Report } from '../../lib/report';
import { BatchSchema, type Batch } from '../../lib/sync/protocol';
import { parseRetryAfter } from '../../lib/sync/http';
import {
  BACKOFF_CAP_MS,
  backoffMs,
  createUploader,
  IN_FLIGHT,
  INITIAL_SYNC_STATE,
  type SyncState,
} from '../../lib/sync/uploader';
import { DEFAULT_SETTINGS, EndpointSchema, type Settings } from '../../lib/settings';

/** The outbox failing once, where a test asks: the rest of it is the real one. */
const failing = vi.hoisted(() => ({ lease: false, settle: false, fired: () => {} }));
vi.mock('../../lib/outbox/db', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/outbox/db')>();
  const once = (which: 'lease' | 'settle') => {
    if (!failing[which]) return false;
    failing[which] = false;
    failing.fired();
    return true;
  };
  return {
    ...real,
    lease: (...a: Parameters<typeof real.lease>) => (once('lease') ? Promise.reject(new Error('The outbox failed')) : real.lease(...a)),
    settle: (...a: Parameters<typeof real.settle>) => (once('settle') ? Promise.reject(new Error('The outbox failed')) : real.settle(...a)),
  };
});

const T0 = Date.parse('2026-11-23T10:00:00Z');
let now = T0;
let n = 0;
let db: Outbox;
let state: SyncState;
let settings: Settings;
let scheduled: number[];
let requests: { headers: Record<string, string>; batch: Batch }[];
let answer: (batch: Batch, i: number) => Response | Promise<Response>;

function fakeFetch(_url: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const batch = BatchSchema.parse(JSON.parse(String(init!.body)));
  requests.push({ headers: init!.headers as Record<string, string>, batch });
  const signal = init!.signal!;
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    Promise.resolve(answer(batch, requests.length - 1)).then(resolve, reject);
  });
}

function uploader() {
  return createUploader({
    db: async () => db,
    settings: async () => settings,
    loadState: async () => state,
    saveState: async (s) => {
      state = s;
    },
    fetch: fakeFetch as typeof fetch,
    now: () => now,
    random: () => 0.5,
    uuid: () => uuidv7(now),
    client: { version: '0.1.0', browser: 'chrome' },
    schedule: (at) => scheduled.push(at),
  });
}

async function add(count: number, site: Report['site'] = 'claude'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await completeReport(
      { site, vendor: 'anthropic', answer: { key: `k${i}`, text: `answer ${i}` }, rating: 'up', flags: [] },
      '0.1.0',
      now + i,
    );
    ids.push(r.id);
    await addReport(db, r, now);
  }
  return ids;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const states = async () => countByState(db);
/** Resolves once the endpoint has seen `count` requests (IndexedDB work comes first). */
async function untilRequests(count: number) {
  while (requests.length < count) await new Promise((r) => setImmediate(r));
}

beforeEach(async () => {
  now = T0;
  db = await openOutbox(`up-${++n}`);
  state = { ...INITIAL_SYNC_STATE };
  settings = {
    ...DEFAULT_SETTINGS,
    endpoint: EndpointSchema.parse({ url: 'https://collector.example.org/reports', token: 's3cret', header: { name: 'X-Team', value: 'qa' } }),
  };
  scheduled = [];
  requests = [];
  answer = () => new Response(null, { status: 204 });
});

afterEach(() => {
  vi.useRealTimers();
  failing.lease = failing.settle = false;
  failing.fired = () => {};
});

describe('delivery', () => {
  it('keeps reports local when no endpoint is set', async () => {
    settings = DEFAULT_SETTINGS;
    await add(2);
    expect(await uploader().sync()).toBe('no-endpoint');
    expect(requests).toEqual([]);
    expect((await states()).pending).toBe(2);
  });

  it('sends batches of the configured size with token, custom header and a fresh Idempotency-Key', async () => {
    settings.endpoint!.batchSize = 2;
    const ids = await add(5);
    expect(await uploader().sync()).toBe('done');
    expect(requests.map((r) => r.batch.reports.map((x) => x.id))).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    const h = requests[0]!.headers;
    expect(h.authorization).toBe('Bearer s3cret');
    expect(h['X-Team']).toBe('qa');
    expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).toBe(3);
    expect(requests[0]!.batch).toMatchObject({ schema: 'behind-the-answer.reports/1', client: { name: 'behind-the-answer', version: '0.1.0', browser: 'chrome' } });
    expect(await states()).toEqual({ pending: 0, sending: 0, sent: 5, rejected: 0 });
    expect(state.lastSuccessAt).toBe(T0);
  });

  it('reads per-report answers: accepted and duplicate are delivered, rejected kept with the reason', async () => {
    const ids = await add(3);
    answer = () => json({ accepted: [ids[0]], duplicate: [ids[1]], rejected: [{ id: ids[2], reason: 'unknown site' }] });
    await uploader().sync();
    const recs = Object.fromEntries((await allReports(db)).map((r) => [r.id, r]));
    expect(recs[ids[0]!]!.state).toBe('sent');
    expect(recs[ids[1]!]!.state).toBe('sent');
    expect(recs[ids[2]!]).toMatchObject({ state: 'rejected', reason: 'unknown site' });
  });
});

describe('retrying', () => {
  it.each([500, 502, 503, 408, 425, 429, 409])('puts everything back and backs off on %i', async (status) => {
    await add(3);
    answer = () => new Response('busy', { status });
    expect(await uploader().sync()).toBe('retry-later');
    expect(await states()).toEqual({ pending: 3, sending: 0, sent: 0, rejected: 0 });
    expect((await allReports(db)).every((r) => r.attempts === 1)).toBe(true);
    // attempt 0, random 0.5: half of the 2 s base.
    expect(scheduled).toEqual([T0 + 1000]);
    expect(state).toMatchObject({ attempt: 1, nextAttemptAt: T0 + 1000 });
    expect(state.lastError?.message).toBe(`The endpoint answered ${status}: busy; will try again.`);
    // Also kept as data, so the popup can say it in whatever language the browser has later.
    expect(state.lastError?.said).toEqual({ key: 'sync_willRetry', subs: [`${status}: busy`] });
  });

  it('waits out the backoff unless forced, then delivers and resets it', async () => {
    await add(1);
    answer = () => new Response(null, { status: 503 });
    const up = uploader();
    await up.sync();
    answer = () => new Response(null, { status: 200 });
    expect(await up.sync()).toBe('waiting');
    expect(requests).toHaveLength(1);
    now = state.nextAttemptAt!;
    expect(await up.sync()).toBe('done');
    expect(state).toMatchObject({ attempt: 0, nextAttemptAt: null, lastError: null });
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    await add(1);
    answer = () => new Response(null, { status: 503, headers: { 'retry-after': '120' } });
    await uploader().sync();
    expect(state.nextAttemptAt).toBe(T0 + 120_000);
    now = state.nextAttemptAt!;
    answer = () => new Response(null, { status: 429, headers: { 'retry-after': new Date(now + 90_000).toUTCString() } });
    await uploader().sync();
    expect(state.nextAttemptAt).toBe(now + 90_000);
  });

  it('retries after a network error and after a timeout', async () => {
    await add(1);
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    await uploader().sync();
    expect(state.lastError?.message).toBe('Could not reach the endpoint (Failed to fetch).');
    expect((await states()).pending).toBe(1);

    // Only the request's own timer is faked: fake IndexedDB keeps its real scheduling.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    settings.endpoint!.timeoutSeconds = 5;
    now = state.nextAttemptAt!;
    answer = () => new Promise(() => {}); // never answers
    const run = uploader().sync();
    await untilRequests(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await run).toBe('retry-later');
    expect(state.lastError?.message).toBe('The endpoint did not answer within 5 s.');
    expect((await states()).pending).toBe(1);
  });
});

describe('backoff bounds', () => {
  it('grows from the base, is at least a second, and never exceeds an hour', () => {
    expect(backoffMs(0, () => 0)).toBe(1000);
    expect(backoffMs(0, () => 0.999999)).toBe(1999);
    expect(backoffMs(3, () => 0.999999)).toBe(15_999);
    expect(backoffMs(11, () => 0.999999)).toBe(Math.floor(0.999999 * BACKOFF_CAP_MS));
    expect(backoffMs(500, () => 0.999999)).toBe(Math.floor(0.999999 * BACKOFF_CAP_MS));
    for (let a = 0; a < 40; a++) {
      const ms = backoffMs(a, Math.random);
      expect(ms).toBeGreaterThanOrEqual(1000);
      expect(ms).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    }
  });

  it('reads Retry-After forms and refuses nonsense', () => {
    expect(parseRetryAfter('0', T0)).toBe(0);
    expect(parseRetryAfter(' 30 ', T0)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:01:00 GMT', T0)).toBe(60_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', T0)).toBe(0);
    expect(parseRetryAfter('soon', T0)).toBeNull();
    expect(parseRetryAfter(null, T0)).toBeNull();
  });
});

describe('refusals', () => {
  it('pauses on a refused token until the user acts, and says why', async () => {
    await add(2);
    answer = () => new Response('bad token', { status: 401 });
    const up = uploader();
    expect(await up.sync()).toBe('paused');
    expect(state.paused).toBe('The endpoint refused the token (401: bad token). Check the token in the settings, then choose “Sync now”.');
    expect(state.pausedSaid).toEqual({ key: 'sync_tokenRefused', subs: ['401: bad token'] });
    expect(await states()).toEqual({ pending: 2, sending: 0, sent: 0, rejected: 0 });
    expect(await up.sync()).toBe('paused');
    expect(requests).toHaveLength(1);
    answer = () => new Response(null, { status: 200 });
    expect(await up.sync(true)).toBe('done');
    expect(state.paused).toBeNull();
    expect((await states()).sent).toBe(2);
  });

  it('splits a batch the endpoint finds too large, down to single reports', async () => {
    const ids = await add(4);
    // Accepts at most one report per request; a lone report with a long id is "too large".
    answer = (b) => new Response(null, { status: b.reports.length > 1 || b.reports[0]!.id === ids[3] ? 413 : 200 });
    expect(await uploader().sync()).toBe('done');
    const recs = Object.fromEntries((await allReports(db)).map((r) => [r.id, r]));
    expect(ids.slice(0, 3).map((id) => recs[id]!.state)).toEqual(['sent', 'sent', 'sent']);
    expect(recs[ids[3]!]).toMatchObject({ state: 'rejected', reason: 'The endpoint refused this report as too large (413).' });
  });

  it('isolates the one report a 4xx is about, keeps it as rejected, and delivers the rest', async () => {
    const ids = await add(7);
    const bad = ids[4]!;
    answer = (b) =>
      b.reports.some((r) => r.id === bad) ? new Response(`report ${bad}: field "site" is not allowed`, { status: 422 }) : new Response(null, { status: 200 });
    expect(await uploader().sync()).toBe('done');
    expect(await states()).toEqual({ pending: 0, sending: 0, sent: 6, rejected: 1 });
    const rejected = (await allReports(db)).find((r) => r.state === 'rejected')!;
    expect(rejected.id).toBe(bad);
    expect(rejected.reason).toBe(`The endpoint refused it (422: report ${bad}: field "site" is not allowed).`);
  });

  it('puts the untried half back when a split batch meets a server error', async () => {
    await add(4);
    let calls = 0;
    answer = () => new Response(null, { status: ++calls === 1 ? 400 : 500 });
    expect(await uploader().sync()).toBe('retry-later');
    expect(await states()).toEqual({ pending: 4, sending: 0, sent: 0, rejected: 0 });
  });
});

describe('endpoint answers that must not lose or hammer', () => {
  it('pauses on a wrong address (404) instead of refusing every report', async () => {
    await add(3);
    answer = () => new Response('Not Found', { status: 404 });
    expect(await uploader().sync()).toBe('paused');
    expect(state.paused).toBe('The endpoint address answered 404: Not Found. Check the address in the settings, then choose “Sync now”.');
    expect(await states()).toEqual({ pending: 3, sending: 0, sent: 0, rejected: 0 });
    expect(requests).toHaveLength(1);
  });

  it('waits at least a second when Retry-After says 0', async () => {
    await add(1);
    answer = () => new Response(null, { status: 503, headers: { 'retry-after': '0' } });
    await uploader().sync();
    expect(state.nextAttemptAt).toBe(T0 + 1000);
  });

  it('keeps a rejection that came without a reason', async () => {
    const [id] = await add(1);
    answer = () => json({ rejected: [{ id }] });
    await uploader().sync();
    expect((await allReports(db))[0]).toMatchObject({ state: 'rejected', reason: 'The endpoint gave no reason.' });
  });
});

describe('one run at a time', () => {
  it(`keeps ${IN_FLIGHT} batches in flight, never more, and delivers each report once`, async () => {
    settings = { ...settings, endpoint: { ...settings.endpoint!, batchSize: 100 } };
    const ids = await add(100 * IN_FLIGHT + 50);
    const held: (() => void)[] = [];
    let open = 0;
    let most = 0;
    answer = () =>
      new Promise<Response>((r) => {
        most = Math.max(most, ++open);
        held.push(() => {
          open--;
          r(new Response(null, { status: 200 }));
        });
      });
    const run = uploader().sync();
    await untilRequests(IN_FLIGHT);
    expect(open).toBe(IN_FLIGHT);
    held.shift()!();
    await untilRequests(IN_FLIGHT + 1);
    while (held.length) held.shift()!();
    expect(await run).toBe('done');
    expect(most).toBe(IN_FLIGHT);
    expect(requests).toHaveLength(IN_FLIGHT + 1);
    expect(requests.flatMap((r) => r.batch.reports.map((x) => x.id)).sort()).toEqual([...ids].sort());
    expect(await states()).toMatchObject({ pending: 0, sending: 0, sent: ids.length });
  });

  it('stops sending after a failure, but settles the batches still in flight by their own answers', async () => {
    settings = { ...settings, endpoint: { ...settings.endpoint!, batchSize: 10 } };
    await add(100);
    const held: (() => void)[] = [];
    answer = (_b, i) =>
      i === 0
        ? new Response(null, { status: 503 })
        : new Promise<Response>((r) => held.push(() => r(new Response(null, { status: 200 }))));
    const run = uploader().sync();
    await untilRequests(IN_FLIGHT);
    while (held.length) held.shift()!();
    expect(await run).toBe('retry-later');
    // The failed batch and the ones already in flight, and nothing after the failure was known.
    expect(requests.length).toBeGreaterThanOrEqual(IN_FLIGHT);
    const sent = (requests.length - 1) * 10;
    expect(await states()).toMatchObject({ pending: 100 - sent, sending: 0, sent });
    expect(scheduled).toHaveLength(1);
  });

  it('never runs two passes at once; a call during a run waits for it, and nothing is stranded', async () => {
    await add(1);
    let release!: () => void;
    answer = (_b, i) =>
      i === 0 ? new Promise<Response>((r) => (release = () => r(new Response(null, { status: 200 })))) : new Response(null, { status: 200 });
    const up = uploader();
    const first = up.sync();
    await untilRequests(1);
    await add(1);
    const second = up.sync();
    expect(up.running).toBe(true);
    release();
    expect(await Promise.all([second, first])).toEqual(['busy', 'done']);
    await vi.waitFor(async () => expect((await states()).sent).toBe(2));
    // Two requests: the second report went in the same or the follow-up pass, never twice.
    expect(requests.map((r) => r.batch.reports.length)).toEqual([1, 1]);
  });

  it('lets the batches in flight settle before a run ends on a failing outbox, and the next run sends each report once', async () => {
    settings = { ...settings, endpoint: { ...settings.endpoint!, batchSize: 10 } };
    const ids = await add(100);
    const held: (() => void)[] = [];
    answer = (_b, i) => (i < IN_FLIGHT ? new Promise<Response>((r) => held.push(() => r(new Response(null, { status: 200 })))) : new Response(null, { status: 200 }));
    const up = uploader();
    const run = up.sync();
    const order: string[] = [];
    run.catch(() => order.push('run ended'));
    await untilRequests(IN_FLIGHT);
    // The lease after the first answer fails, while the other batches still wait for theirs.
    const leaseFailed = new Promise<void>((r) => (failing.fired = r));
    failing.lease = true;
    held.shift()!();
    await leaseFailed;
    await new Promise((r) => setImmediate(r));
    order.push('others answered');
    while (held.length) held.shift()!();
    await expect(run).rejects.toThrow('The outbox failed');
    expect(order).toEqual(['others answered', 'run ended']);
    expect(await states()).toEqual({ pending: 100 - 10 * IN_FLIGHT, sending: 0, sent: 10 * IN_FLIGHT, rejected: 0 });
    expect(await up.sync()).toBe('done');
    const sent = requests.flatMap((r) => r.batch.reports.map((x) => x.id));
    expect(sent).toHaveLength(100);
    expect(sent.sort()).toEqual([...ids].sort());
    expect(await states()).toEqual({ pending: 0, sending: 0, sent: 100, rejected: 0 });
  });

  it('returns the reports of a batch that could not be settled once its lease runs out, and not before', async () => {
    settings = { ...settings, endpoint: { ...settings.endpoint!, batchSize: 10, timeoutSeconds: 5 } };
    const ids = await add(30);
    failing.settle = true;
    const up = uploader();
    await expect(up.sync()).rejects.toThrow('The outbox failed');
    const stranded = requests[0]!.batch.reports.map((r) => r.id);
    // Still leased: the lease is 2 × 5 s + 30 s.
    now = T0 + 39_999;
    expect(await up.sync()).toBe('done');
    expect(await states()).toEqual({ pending: 0, sending: 10, sent: 20, rejected: 0 });
    expect(requests.flatMap((r) => r.batch.reports.map((x) => x.id)).filter((id) => stranded.includes(id))).toHaveLength(10);
    now = T0 + 40_000;
    expect(await up.sync()).toBe('done');
    expect(await states()).toEqual({ pending: 0, sending: 0, sent: 30, rejected: 0 });
    // Sent twice (the first answer was never recorded), which the ids make harmless; the rest once.
    const sent = requests.flatMap((r) => r.batch.reports.map((x) => x.id));
    expect(sent.filter((id) => stranded.includes(id))).toHaveLength(20);
    expect(new Set(sent)).toEqual(new Set(ids));
    expect(sent).toHaveLength(40);
  });

  it('does not bring back reports deleted while their batch was in flight ("delete all my data")', async () => {
    settings = { ...settings, endpoint: { ...settings.endpoint!, batchSize: 10 } };
    await add(50);
    const held: (() => void)[] = [];
    answer = (b) =>
      new Promise<Response>((r) => held.push(() => r(json({ accepted: [], duplicate: [], rejected: [{ id: b.reports[0]!.id, reason: 'no' }] }))));
    const run = uploader().sync();
    await untilRequests(IN_FLIGHT);
    await clearOutbox(db);
    while (held.length) held.shift()!();
    expect(await run).toBe('done');
    expect(await allReports(db)).toEqual([]);
    expect(await states()).toEqual({ pending: 0, sending: 0, sent: 0, rejected: 0 });
    expect(requests).toHaveLength(IN_FLIGHT);
  });
});
