/**
 * Remote refresh of the registry: a newer valid document replaces the one in use; a
 * 304, an invalid or older document, an HTTP error or a network failure keep it, and
 * every refusal says why in words.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED } from '../../../lib/disclosures';
import { refreshRegistry, registryInUse } from '../../../lib/disclosures/refresh';
import { currentRegistry, refreshNow } from '../../../lib/disclosures/store';
import { SETTINGS_KEY } from '../../../lib/settings';

const URL_ = 'https://registry.example.org/registry.json';
const newer = { ...BUNDLED, version: BUNDLED.version + 1, asOf: '2026-12-01' };
const older = { ...BUNDLED, version: BUNDLED.version - 1 };

type Answer = { status: number; body?: unknown; etag?: string } | Error;
let answers: Answer[];
let seen: { url: string; ifNoneMatch: string | null }[];

const fakeFetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
  const headers = new Headers(init?.headers);
  seen.push({ url: String(url), ifNoneMatch: headers.get('if-none-match') });
  const a = answers.shift()!;
  if (a instanceof Error) throw a;
  const body = a.body === undefined ? null : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
  return new Response(a.status === 304 ? null : body, { status: a.status, headers: a.etag ? { etag: a.etag } : {} });
}) as typeof fetch;

beforeEach(() => {
  answers = [];
  seen = [];
});

describe('refreshRegistry', () => {
  it('takes a newer valid document with its ETag', async () => {
    answers = [{ status: 200, body: newer, etag: '"v2"' }];
    const r = await refreshRegistry(URL_, BUNDLED, null, { fetch: fakeFetch });
    expect(r).toMatchObject({ kind: 'updated', etag: '"v2"' });
    expect(r.kind === 'updated' && r.registry.version).toBe(BUNDLED.version + 1);
  });

  it('sends If-None-Match and understands 304', async () => {
    answers = [{ status: 304 }];
    expect(await refreshRegistry(URL_, BUNDLED, '"v2"', { fetch: fakeFetch })).toEqual({ kind: 'not-modified' });
    expect(seen[0]!.ifNoneMatch).toBe('"v2"');
  });

  it('refuses an invalid document, saying where it is wrong', async () => {
    const broken = structuredClone(newer) as any;
    broken.vendors[0].topics['human-labor'].statements[0].sources[0].url = 'http://insecure.example.org';
    answers = [{ status: 200, body: broken }];
    const r = await refreshRegistry(URL_, BUNDLED, null, { fetch: fakeFetch });
    expect(r.kind).toBe('refused');
    expect(r.kind === 'refused' && r.message).toMatch(/^The registry at https:\/\/registry\.example\.org\/registry\.json is not valid \(vendors\.0\.topics\.human-labor\.statements\.0\.sources\.0\.url: .+\)\. The registry in use \(version \d+, reviewed .+\) is kept\.$/);
  });

  it('refuses a document that is not JSON', async () => {
    answers = [{ status: 200, body: '<html>login</html>' }];
    const r = await refreshRegistry(URL_, BUNDLED, null, { fetch: fakeFetch });
    expect(r).toEqual({ kind: 'refused', message: expect.stringMatching(/is not JSON\. The registry in use/) });
  });

  it('refuses an older document', async () => {
    answers = [{ status: 200, body: older }];
    const r = await refreshRegistry(URL_, BUNDLED, null, { fetch: fakeFetch });
    expect(r).toEqual({
      kind: 'refused',
      message: `The registry at ${URL_} is older (version ${older.version}) than the one in use (version ${BUNDLED.version}); it was not applied.`,
    });
  });

  it('reports HTTP errors and network failures without touching the registry in use', async () => {
    answers = [{ status: 500, body: 'oops' }, new TypeError('Failed to fetch')];
    expect(await refreshRegistry(URL_, BUNDLED, null, { fetch: fakeFetch })).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/answered 500\. The registry in use/),
    });
    expect(await refreshRegistry(URL_, BUNDLED, null, { fetch: fakeFetch })).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/Could not reach the registry at .+ \(Failed to fetch\)\. The registry in use/),
    });
  });

  it('never lets a stored remote document older than the bundled one win', () => {
    expect(registryInUse(BUNDLED, older)).toBe(BUNDLED);
    expect(registryInUse(BUNDLED, { nonsense: true })).toBe(BUNDLED);
    expect(registryInUse(BUNDLED, newer).version).toBe(newer.version);
  });
});

describe('the stored registry', () => {
  it('uses a newer remote document, keeps it through a later refusal, and shows the refusal', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 1, keepSentDays: 30, registryUrl: URL_ } });
    answers = [{ status: 200, body: newer, etag: '"a"' }];
    let status = await refreshNow({ fetch: fakeFetch, now: () => Date.parse('2026-11-23T10:00:00Z') });
    expect(status).toMatchObject({ source: 'remote', version: newer.version, url: URL_, lastError: null, lastCheckedAt: '2026-11-23T10:00:00.000Z' });

    answers = [{ status: 200, body: { ...newer, version: 'seven' } }];
    status = await refreshNow({ fetch: fakeFetch, now: Date.now });
    expect(seen[1]!.ifNoneMatch).toBe('"a"');
    expect(status.source).toBe('remote');
    expect(status.version).toBe(newer.version);
    expect(status.lastError).toMatch(/is not valid \(version: /);
    expect((await currentRegistry()).registry.asOf).toBe('2026-12-01');
  });

  it('falls back to the bundled registry when the address is removed', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 1, keepSentDays: 30, registryUrl: URL_ } });
    answers = [{ status: 200, body: newer }];
    await refreshNow({ fetch: fakeFetch, now: Date.now });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 1, keepSentDays: 30 } });
    const { registry, status } = await currentRegistry();
    expect(registry).toBe(BUNDLED);
    expect(status).toMatchObject({ source: 'bundled', url: null });
  });
});
