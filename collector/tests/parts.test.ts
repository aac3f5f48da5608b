/** The collector's small parts that need no database. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, hashToken } from '../src/auth';
import { originAllowed } from '../src/cors';
import { claim, lockPath, readLock, secretMatches } from '../src/control';
import { csvCell, csvHeader, csvRow } from '../src/export';
import { parseBatch } from '../src/ingest';
import { RateLimiter } from '../src/ratelimit';
import { optionsFromEnv } from '../src/config';
import { batch, makeReport } from './reports';
import { findBin, MISSING } from './postgres-setup';

describe('tokens', () => {
  it('reads only a well-formed Bearer header', () => {
    expect(bearer('Bearer abc')).toBe('abc');
    expect(bearer('bearer   abc ')).toBe('abc');
    expect(bearer('Basic abc')).toBeNull();
    expect(bearer('Bearer a b')).toBeNull();
    expect(bearer(undefined)).toBeNull();
    expect(hashToken('x')).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
  });
});

describe('CORS origins', () => {
  it('allows extension origins only, narrowed by an allowlist when one is set', () => {
    expect(originAllowed('chrome-extension://abcdefghijklmnopabcdefghijklmnop', [])).toBe(true);
    expect(originAllowed('moz-extension://0b7a3c2e-1111-4222-8333-944455556666', [])).toBe(true);
    expect(originAllowed('safari-web-extension://ABC-123', [])).toBe(true);
    expect(originAllowed('https://evil.example', [])).toBe(false);
    expect(originAllowed('chrome-extension://abc/../x', [])).toBe(false);
    expect(originAllowed(undefined, [])).toBe(false);
    expect(originAllowed('chrome-extension://aaaa', ['chrome-extension://bbbb'])).toBe(false);
    expect(originAllowed('chrome-extension://bbbb', ['chrome-extension://bbbb'])).toBe(true);
  });
});

describe('rate limit', () => {
  it('lets a burst through, then one request per refill, per key', () => {
    let now = 0;
    const rl = new RateLimiter({ burst: 3, perSecond: 2, now: () => now });
    expect([rl.take('a'), rl.take('a'), rl.take('a')].every((t) => t.ok)).toBe(true);
    expect(rl.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(rl.take('b').ok).toBe(true);
    now += 500;
    expect(rl.take('a').ok).toBe(true);
    expect(rl.take('a').ok).toBe(false);
    const slow = new RateLimiter({ burst: 1, perSecond: 0.1, now: () => now });
    slow.take('k');
    expect(slow.take('k')).toEqual({ ok: false, retryAfterSeconds: 10 });
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\n')).toBe('"say ""hi""\n"');
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    const r = makeReport({ flags: ['factually-wrong', 'outdated'], comment: 'x, "y"' });
    const row = csvRow({ team: 'newsroom', receivedAt: '2026-11-23T10:00:00.000Z', report: r });
    expect(csvHeader().split(',')).toHaveLength(row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).length);
    expect(row).toContain('factually-wrong;outdated');
    expect(row).toContain('"x, ""y"""');
  });
});

describe('batch parsing', () => {
  it('answers for a repeated id once, and gives a rejected report without an id an empty id', () => {
    const r = makeReport();
    const parsed = parseBatch(JSON.stringify(batch([r, r, { nonsense: true }])));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.valid.map((x) => x.id)).toEqual([r.id]);
    expect(parsed.rejected).toHaveLength(1);
    expect(parsed.rejected[0]!.id).toBe('');
    expect(parsed.rejected[0]!.reason).toMatch(/^Invalid report: /);
  });
});

describe('configuration from the environment', () => {
  it('has zero-setup defaults and refuses nonsense', () => {
    const o = optionsFromEnv({});
    expect(o).toMatchObject({ port: 8787, host: '127.0.0.1', databaseUrl: undefined, corsOrigins: [] });
    expect(o.dataDir).toMatch(/collector[/\\]data$/);
    expect(optionsFromEnv({ PORT: '9000', CORS_ORIGINS: 'chrome-extension://a, moz-extension://b', RATE_LIMIT_BURST: '5' })).toMatchObject({
      port: 9000,
      corsOrigins: ['chrome-extension://a', 'moz-extension://b'],
      rateLimit: { burst: 5 },
    });
    expect(() => optionsFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => optionsFromEnv({ MAX_BODY_BYTES: '1000' })).toThrow(/MAX_BODY_BYTES/);
  });
});

describe('the data folder lock of the embedded database', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is held by one process, ignores a stale lock, and is released by its holder only', () => {
    dir = mkdtempSync(join(tmpdir(), 'bta-lock-'));
    expect(readLock(dir)).toBeNull();
    const held = claim(dir, 'http://127.0.0.1:1');
    expect(readLock(dir)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:1' });
    expect(secretMatches(held.secret, readLock(dir)!.secret)).toBe(true);
    expect(secretMatches('nope', held.secret)).toBe(false);
    expect(secretMatches(undefined, held.secret)).toBe(false);
    held.release();
    expect(readLock(dir)).toBeNull();
    // A lock left by a process that is gone does not block.
    writeFileSync(lockPath(dir), JSON.stringify({ pid: 2 ** 22 + 12345, url: 'http://x', secret: 's' }));
    expect(readLock(dir)).toBeNull();
    const again = claim(dir, '');
    expect(readLock(dir)?.pid).toBe(process.pid);
    again.release();
  });
});

describe('the PostgreSQL test server', () => {
  it('is found in Debian\'s layout, newest version first, and its absence is a failure that says what to install', () => {
    const root = mkdtempSync(join(tmpdir(), 'bta-pgroot-'));
    try {
      expect(findBin(root)).toBeNull();
      for (const v of ['9.6', '15', '13']) mkdirSync(join(root, v, 'bin'), { recursive: true });
      expect(findBin(root)).toBeNull();
      writeFileSync(join(root, '13', 'bin', 'initdb'), '');
      writeFileSync(join(root, '15', 'bin', 'initdb'), '');
      expect(findBin(root)).toBe(join(root, '15', 'bin'));
      expect(findBin(join(root, 'absent'))).toBeNull();
      expect(MISSING).toMatch(/apt-get install postgresql/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
