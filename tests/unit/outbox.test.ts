/**
 * The outbox on fake IndexedDB: leasing, lease expiry, settling, capacity, history and
 * the upgrades from every older schema version.
 */
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
  addReport,
  allReports,
  countByState,
  evictSent,
  clearOutbox,
  lease,
  listReports,
  openOutbox,
  OutboxFullError,
  releaseAllLeases,
  releaseExpiredLeases,
  removePending,
  removeReports,
  reportBytes,
  reportState,
  settle,
  usedBytes,
  type Lease,
  type Outbox,
} from '../../lib/outbox/db';
import { completeReport, type Report } from '../../lib/report';

let n = 0;
const fresh = () => openOutbox(`outbox-${++n}`);
const T0 = Date.parse('2026-11-23T10:00:00Z');

async function report(i: number, text = `answer ${i}`, at = T0 + i): Promise<Report> {
  return completeReport(
    { site: 'claude', vendor: 'anthropic', answer: { key: `claude:c:h-${i}`, text }, rating: 'up', flags: [] },
    '0.1.0',
    at,
  );
}

const keys = (l: Lease | null) => (l?.records ?? []).map((r) => r.report.answer.key);
const take = (db: Outbox, max = 10, now = T0, leaseMs = 1000) => lease(db, { max, maxBytes: 1e9, now, leaseMs });
/** Stores n reports (report i made at `at(i)`), oldest first; their ids. */
async function addMany(db: Outbox, n: number, at = (i: number) => T0 + i): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await report(i, `answer ${i}`, at(i));
    ids.push(r.id);
    await addReport(db, r, T0);
  }
  return ids;
}

describe('leasing', () => {
  it('leases the oldest pending reports, within count and byte limits, never twice', async () => {
    const db = await fresh();
    for (let i = 0; i < 5; i++) await addReport(db, await report(i), T0);
    const size = reportBytes(await report(0));
    const a = await lease(db, { max: 3, maxBytes: 10 * size, now: T0, leaseMs: 1000 });
    expect(keys(a)).toEqual(['claude:c:h-0', 'claude:c:h-1', 'claude:c:h-2']);
    const b = await lease(db, { max: 10, maxBytes: 10 * size, now: T0, leaseMs: 1000 });
    expect(keys(b)).toEqual(['claude:c:h-3', 'claude:c:h-4']);
    expect(await countByState(db)).toEqual({ pending: 0, sending: 5, sent: 0, rejected: 0 });
    expect(await take(db)).toBeNull();
  });

  it('never gives a report to two leases taken at once', async () => {
    const db = await fresh();
    const ids = await addMany(db, 25);
    const leases = await Promise.all(Array.from({ length: 4 }, () => take(db, 7)));
    const given = leases.flatMap((l) => (l?.records ?? []).map((r) => r.id));
    expect(given).toHaveLength(25);
    expect(new Set(given).size).toBe(25);
    expect(given.sort()).toEqual([...ids].sort());
  });

  it('leases reports made in the same millisecond once each, oldest first, however a batch cuts them', async () => {
    const db = await fresh();
    // Seven reports share one createdAt, so one batch ends in the middle of them.
    const ids = await addMany(db, 10, (i) => (i < 2 ? T0 + i : T0 + 5));
    const a = await take(db, 4);
    const b = await take(db, 4);
    const c = await take(db, 4);
    const given = [a, b, c].flatMap((l) => l!.records.map((r) => r.id));
    expect(new Set(given).size).toBe(10);
    expect(given.slice(0, 2)).toEqual(ids.slice(0, 2));
    expect([...given].sort()).toEqual([...ids].sort());
  });

  it('shows leased reports as sending everywhere, and keeps undo and delete off them', async () => {
    const db = await fresh();
    const [r0, r1] = [await report(0), await report(1)];
    await addReport(db, r0, T0);
    await addReport(db, r1, T0);
    const held = await take(db, 1, T0, 5000);
    expect(held!.records.map((r) => [r.id, r.state, r.leaseUntil])).toEqual([[r0.id, 'sending', T0 + 5000]]);
    expect(await reportState(db, r0.id)).toBe('sending');
    expect(await reportState(db, r1.id)).toBe('pending');
    expect(await reportState(db, 'no-such-report')).toBeNull();
    expect((await listReports(db, 'sending')).map((r) => r.id)).toEqual([r0.id]);
    expect((await listReports(db, 'pending')).map((r) => r.id)).toEqual([r1.id]);
    expect((await listReports(db)).map((r) => r.state)).toEqual(['sending', 'pending']);
    expect((await allReports(db)).map((r) => r.state)).toEqual(['sending', 'pending']);
    expect(await removePending(db, r0.id)).toBe(false);
    expect(await removeReports(db, [r0.id])).toBe(0);
    expect(await removeReports(db, 'all')).toBe(1);
    expect((await allReports(db)).map((r) => [r.id, r.state])).toEqual([[r0.id, 'sending']]);
    await settle(db, held!, { sent: [r0.id] }, T0 + 1);
    expect(await reportState(db, r0.id)).toBe('sent');
    expect(await countByState(db)).toEqual({ pending: 0, sending: 0, sent: 1, rejected: 0 });
  });

  it('stops at the byte budget but always sends at least one report', async () => {
    const db = await fresh();
    await addReport(db, await report(0, 'x'.repeat(5000)), T0);
    await addReport(db, await report(1, 'y'.repeat(5000)), T0);
    expect((await lease(db, { max: 10, maxBytes: 100, now: T0, leaseMs: 1000 }))!.records).toHaveLength(1);
    expect((await lease(db, { max: 10, maxBytes: 100, now: T0, leaseMs: 1000 }))!.records).toHaveLength(1);
  });

  it('returns an expired lease to pending when asked, and keeps an active one', async () => {
    const db = await fresh();
    await addReport(db, await report(0), T0);
    await addReport(db, await report(1), T0);
    await take(db, 1, T0, 1000);
    await take(db, 1, T0 + 500, 1000);
    expect(await releaseExpiredLeases(db, T0 + 999)).toBe(0);
    // An expired lease still holds its reports until released: its holder may still be at work.
    expect(await take(db, 10, T0 + 1000)).toBeNull();
    expect(await releaseExpiredLeases(db, T0 + 1000)).toBe(1);
    expect(await countByState(db)).toEqual({ pending: 1, sending: 1, sent: 0, rejected: 0 });
    // Older than the report still leased, and leased at once all the same.
    expect(keys(await take(db, 10, T0 + 1000))).toEqual(['claude:c:h-0']);
  });

  it('leases reports put back, or saved with an older time, oldest first while newer ones are leased', async () => {
    const db = await fresh();
    for (let i = 2; i < 8; i++) await addReport(db, await report(i), T0);
    const a = await take(db, 2);
    await take(db, 2);
    await settle(db, a!, { retry: a!.records.map((r) => r.id) }, T0);
    // A clock set back: made after the others, dated before them.
    await addReport(db, await report(0), T0);
    expect(keys(await take(db, 2))).toEqual(['claude:c:h-0', 'claude:c:h-2']);
    expect(keys(await take(db, 2))).toEqual(['claude:c:h-3', 'claude:c:h-6']);
    expect(keys(await take(db, 2))).toEqual(['claude:c:h-7']);
    expect(await take(db, 2)).toBeNull();
  });

  it('releases every lease when a new service worker starts', async () => {
    const db = await fresh();
    for (let i = 0; i < 3; i++) await addReport(db, await report(i), T0);
    await take(db, 2, T0, 60_000);
    await take(db, 2, T0, 60_000);
    expect(await releaseAllLeases(db)).toBe(3);
    expect(await countByState(db)).toEqual({ pending: 3, sending: 0, sent: 0, rejected: 0 });
    expect(keys(await take(db))).toEqual(['claude:c:h-0', 'claude:c:h-1', 'claude:c:h-2']);
  });
});

describe('listing', () => {
  it('lists every state oldest first, or one state, up to a limit', async () => {
    const db = await fresh();
    const rs = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => report(i)));
    // Saved out of order: the list follows createdAt, not the order of saving.
    for (const r of [rs[3]!, rs[0]!, rs[5]!, rs[1]!, rs[4]!, rs[2]!]) await addReport(db, r, T0);
    const first = await take(db, 2);
    await settle(db, first!, { sent: [rs[0]!.id], rejected: [{ id: rs[1]!.id, reason: 'no' }] }, T0);
    await take(db, 1);
    const all = await listReports(db);
    expect(all.map((r) => [r.report.answer.key, r.state])).toEqual([
      ['claude:c:h-0', 'sent'],
      ['claude:c:h-1', 'rejected'],
      ['claude:c:h-2', 'sending'],
      ['claude:c:h-3', 'pending'],
      ['claude:c:h-4', 'pending'],
      ['claude:c:h-5', 'pending'],
    ]);
    expect(await allReports(db)).toEqual(all);
    expect((await listReports(db, undefined, 3)).map((r) => r.report.answer.key)).toEqual(['claude:c:h-0', 'claude:c:h-1', 'claude:c:h-2']);
    expect((await listReports(db, 'pending', 2)).map((r) => r.report.answer.key)).toEqual(['claude:c:h-3', 'claude:c:h-4']);
    expect((await listReports(db, 'sent')).map((r) => r.report.answer.key)).toEqual(['claude:c:h-0']);
    expect(await countByState(db)).toEqual({ pending: 3, sending: 1, sent: 1, rejected: 1 });
  });
});

describe('settling', () => {
  it('moves leased reports to sent, rejected (with reason) or back to pending', async () => {
    const db = await fresh();
    const ids = await addMany(db, 3);
    const held = await take(db);
    await settle(db, held!, { sent: [ids[0]!], rejected: [{ id: ids[1]!, reason: 'bad site' }], retry: [ids[2]!], failed: true }, T0 + 5);
    const recs = Object.fromEntries((await allReports(db)).map((r) => [r.id, r]));
    expect(recs[ids[0]!]).toMatchObject({ state: 'sent', sentAt: T0 + 5 });
    expect(recs[ids[1]!]).toMatchObject({ state: 'rejected', reason: 'bad site' });
    expect(recs[ids[2]!]).toMatchObject({ state: 'pending', attempts: 1 });
    expect(recs[ids[2]!]!.leaseUntil).toBeUndefined();
    expect(await take(db)).not.toBeNull();
  });

  it('puts reports back without counting an attempt when nothing failed (a refused token)', async () => {
    const db = await fresh();
    const r = await report(0);
    await addReport(db, r, T0);
    const held = await take(db);
    await settle(db, held!, { retry: [r.id] }, T0 + 5);
    expect(await allReports(db)).toMatchObject([{ id: r.id, state: 'pending', attempts: 0 }]);
    expect(await countByState(db)).toEqual({ pending: 1, sending: 0, sent: 0, rejected: 0 });
  });

  it('settles a split batch part by part: the rest stays leased until its own answer', async () => {
    const db = await fresh();
    const ids = await addMany(db, 4);
    const held = (await take(db))!;
    await settle(db, held, { sent: ids.slice(0, 2) }, T0);
    expect(await countByState(db)).toEqual({ pending: 0, sending: 2, sent: 2, rejected: 0 });
    expect(await removePending(db, ids[3]!)).toBe(false);
    // A second answer for reports already settled changes nothing.
    await settle(db, held, { retry: ids.slice(0, 2), failed: true }, T0);
    expect(await countByState(db)).toEqual({ pending: 0, sending: 2, sent: 2, rejected: 0 });
    await settle(db, held, { rejected: [{ id: ids[2]!, reason: 'no' }], retry: [ids[3]!], failed: true }, T0);
    expect(await countByState(db)).toEqual({ pending: 1, sending: 0, sent: 2, rejected: 1 });
  });

  it('ignores a late answer once the lease was released and its reports leased again', async () => {
    const db = await fresh();
    const r = await report(0);
    await addReport(db, r, T0);
    const old = await take(db, 10, T0, 1000);
    expect(await releaseExpiredLeases(db, T0 + 1000)).toBe(1);
    const now = await take(db, 10, T0 + 1000, 1000);
    await settle(db, old!, { rejected: [{ id: r.id, reason: 'late' }] }, T0 + 1001);
    expect(await reportState(db, r.id)).toBe('sending');
    await settle(db, now!, { sent: [r.id] }, T0 + 1002);
    expect(await allReports(db)).toMatchObject([{ state: 'sent', sentAt: T0 + 1002 }]);
  });

  it('does not write back a report deleted while its batch was in flight ("delete all my data")', async () => {
    const db = await fresh();
    const rs = [await report(0), await report(1)];
    for (const r of rs) await addReport(db, r, T0);
    const held = await take(db);
    await clearOutbox(db);
    await settle(db, held!, { sent: [rs[0]!.id], retry: [rs[1]!.id], failed: true }, T0 + 1);
    expect(await allReports(db)).toEqual([]);
    expect(await countByState(db)).toEqual({ pending: 0, sending: 0, sent: 0, rejected: 0 });
    expect(await usedBytes(db)).toBe(0);
    // A report saved again afterwards is leased normally, and the old lease's answer is not its.
    await addReport(db, rs[0]!, T0 + 2);
    const again = await take(db);
    expect(again!.records.map((r) => r.id)).toEqual([rs[0]!.id]);
    expect(again!.id).not.toBe(held!.id);
    await settle(db, held!, { sent: [rs[0]!.id] }, T0 + 3);
    expect(await reportState(db, rs[0]!.id)).toBe('sending');
  });
});

describe('capacity', () => {
  it('evicts delivered history first, oldest first, to make room', async () => {
    const db = await fresh();
    const caps = { maxReports: 3, maxBytes: 1e9 };
    const rs = await Promise.all([0, 1, 2].map((i) => report(i)));
    for (const r of rs) await addReport(db, r, T0, caps);
    await settle(db, (await take(db, 2))!, { sent: [rs[0]!.id, rs[1]!.id] }, T0);
    await addReport(db, await report(3), T0, caps);
    const left = (await allReports(db)).map((r) => r.report.answer.key);
    expect(left).toEqual(['claude:c:h-1', 'claude:c:h-2', 'claude:c:h-3']);
  });

  it('never evicts a waiting report: the new one is refused with a message, and nothing is lost', async () => {
    const db = await fresh();
    const caps = { maxReports: 2, maxBytes: 1e9 };
    await addReport(db, await report(0), T0, caps);
    await addReport(db, await report(1), T0, caps);
    await expect(addReport(db, await report(2), T0, caps)).rejects.toThrow(OutboxFullError);
    await expect(addReport(db, await report(2), T0, caps)).rejects.toThrow(/The outbox is full \(2 reports/);
    expect((await allReports(db)).map((r) => r.report.answer.key)).toEqual(['claude:c:h-0', 'claude:c:h-1']);
  });

  it('counts bytes as well as reports, and keeps the running total right through deletes', async () => {
    const db = await fresh();
    const r0 = await report(0, 'a'.repeat(3000));
    const r1 = await report(1, 'b'.repeat(3000));
    const caps = { maxReports: 100, maxBytes: reportBytes(r0) + reportBytes(r1) - 1 };
    await addReport(db, r0, T0, caps);
    await expect(addReport(db, r1, T0, caps)).rejects.toThrow(OutboxFullError);
    expect(await usedBytes(db)).toBe(reportBytes(r0));
    await removeReports(db, [r0.id]);
    expect(await usedBytes(db)).toBe(0);
    await addReport(db, r1, T0, caps);
    expect(await usedBytes(db)).toBe(reportBytes(r1));
  });

  it('keeps the report count right through deletes, undo and expiry, so the cap holds without counting the store', async () => {
    const db = await fresh();
    const caps = { maxReports: 3, maxBytes: 1e9 };
    const rs = await Promise.all([0, 1, 2, 3, 4].map((i) => report(i)));
    for (const r of rs.slice(0, 3)) await addReport(db, r, T0, caps);
    await removeReports(db, [rs[0]!.id]);
    expect(await removePending(db, rs[1]!.id)).toBe(true);
    // Two free places again: both fit, a third does not.
    await addReport(db, rs[3]!, T0, caps);
    await addReport(db, rs[4]!, T0, caps);
    await expect(addReport(db, await report(5), T0, caps)).rejects.toThrow(OutboxFullError);
    await settle(db, (await take(db, 1))!, { sent: [rs[2]!.id] }, T0);
    expect(await evictSent(db, 1, T0 + 2 * 86_400_000)).toBe(1);
    await addReport(db, await report(5), T0, caps);
    expect((await allReports(db)).map((r) => r.report.answer.key)).toEqual(['claude:c:h-3', 'claude:c:h-4', 'claude:c:h-5']);
  });

  it('counts the store once when the running totals predate the report count', async () => {
    const db = await fresh();
    const caps = { maxReports: 2, maxBytes: 1e9 };
    const r0 = await report(0);
    await addReport(db, r0, T0, caps);
    await db.put('meta', { bytes: reportBytes(r0) }, 'usage');
    await addReport(db, await report(1), T0, caps);
    await expect(addReport(db, await report(2), T0, caps)).rejects.toThrow(OutboxFullError);
    expect(await db.get('meta', 'usage')).toEqual({ bytes: reportBytes(r0) + reportBytes(await report(1)), reports: 2 });
  });

  it('drops delivered history older than the kept days', async () => {
    const db = await fresh();
    const [a, b] = [await report(0), await report(1)];
    await addReport(db, a, T0);
    await addReport(db, b, T0);
    await settle(db, (await take(db, 1))!, { sent: [a.id] }, T0);
    expect(await evictSent(db, 30, T0 + 29 * 86_400_000)).toBe(0);
    expect(await evictSent(db, 30, T0 + 31 * 86_400_000)).toBe(1);
    expect((await allReports(db)).map((r) => r.id)).toEqual([b.id]);
  });
});

describe('schema upgrade', () => {
  it('opens a version-1 database and keeps every report, with sizes and usage filled in', async () => {
    const name = `outbox-v1-${++n}`;
    const old = await openDB(name, 1, {
      upgrade(db) {
        const s = db.createObjectStore('reports', { keyPath: 'id' });
        s.createIndex('state', 'state');
        s.createIndex('createdAt', 'createdAt');
      },
    });
    const rs = [await report(0), await report(1)];
    for (const r of rs) {
      await old.add('reports', { id: r.id, state: 'pending', report: r, createdAt: Date.parse(r.createdAt), updatedAt: T0 });
    }
    old.close();
    const db = await openOutbox(name);
    const recs = await allReports(db);
    expect(recs.map((r) => [r.id, r.state, r.bytes, r.attempts])).toEqual(rs.map((r) => [r.id, 'pending', reportBytes(r), 0]));
    expect(await usedBytes(db)).toBe(reportBytes(rs[0]!) + reportBytes(rs[1]!));
    // The new index works on upgraded data.
    expect((await lease(db, { max: 10, maxBytes: 1e9, now: T0, leaseMs: 1 }))!.records).toHaveLength(2);
    expect([...db.transaction('reports').store.indexNames]).toEqual(['byState']);
  });

  it('creates a new database with one index and the leases store', async () => {
    const db = await fresh();
    expect([...db.objectStoreNames].sort()).toEqual(['leases', 'meta', 'reports']);
    expect([...db.transaction('reports').store.indexNames]).toEqual(['byState']);
  });

  it('opens a version-2 database: a report an older version left sending is pending again, and leases work', async () => {
    const name = `outbox-v2-${++n}`;
    const old = await openDB(name, 2, {
      upgrade(db) {
        const s = db.createObjectStore('reports', { keyPath: 'id' });
        s.createIndex('state', 'state');
        s.createIndex('createdAt', 'createdAt');
        s.createIndex('byState', ['state', 'createdAt']);
        db.createObjectStore('meta');
      },
    });
    const rs = [await report(0), await report(1), await report(2)];
    const states = ['sending', 'sent', 'pending'] as const;
    for (const [i, r] of rs.entries()) {
      const bytes = reportBytes(r);
      await old.add('reports', { id: r.id, state: states[i], report: r, createdAt: Date.parse(r.createdAt), updatedAt: T0, bytes, attempts: 0, ...(i === 0 ? { leaseUntil: T0 + 60_000 } : {}) });
    }
    await old.put('meta', { bytes: rs.reduce((n, r) => n + reportBytes(r), 0), reports: 3 }, 'usage');
    old.close();
    const db = await openOutbox(name);
    expect([...db.transaction('reports').store.indexNames]).toEqual(['byState']);
    expect(await countByState(db)).toEqual({ pending: 2, sending: 0, sent: 1, rejected: 0 });
    expect((await allReports(db))[0]).toMatchObject({ id: rs[0]!.id, state: 'pending' });
    expect((await allReports(db))[0]!.leaseUntil).toBeUndefined();
    const held = await take(db);
    expect(held!.records.map((r) => r.id)).toEqual([rs[0]!.id, rs[2]!.id]);
    await settle(db, held!, { sent: [rs[0]!.id, rs[2]!.id] }, T0);
    expect(await countByState(db)).toEqual({ pending: 0, sending: 0, sent: 3, rejected: 0 });
    expect(await usedBytes(db)).toBe(rs.reduce((n, r) => n + reportBytes(r), 0));
  });
});
