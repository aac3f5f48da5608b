/**
 * The outbox on fake IndexedDB: leasing, lease expiry, settling, capacity, history and
 * the upgrade from the first schema version.
 */
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
  addReport,
  allReports,
  countByState,
  evictSent,
  lease,
  openOutbox,
  OutboxFullError,
  releaseAllLeases,
  removePending,
  removeReports,
  reportBytes,
  settle,
  usedBytes,
} from '../../lib/outbox/db';
import { completeReport, type Report } from '../../lib/report';

let n = 0;
const fresh = () => openOutbox(`outbox-${++n}`);
const T0 = Date.parse('2026-11-23T10:00:00Z');

async function report(i: number, text = `answer ${i}`): Promise<Report> {
  return completeReport(
    { site: 'claude', vendor: 'anthropic', answer: { key: `claude:c:h-${i}`, text }, rating: 'up', flags: [] },
    '0.1.0',
    T0 + i,
  );
}

describe('leasing', () => {
  it('leases the oldest pending reports, within count and byte limits, never twice', async () => {
    const db = await fresh();
    for (let i = 0; i < 5; i++) await addReport(db, await report(i), T0);
    const size = reportBytes(await report(0));
    const a = await lease(db, { max: 3, maxBytes: 10 * size, now: T0, leaseMs: 1000 });
    expect(a.map((r) => r.report.answer.key)).toEqual(['claude:c:h-0', 'claude:c:h-1', 'claude:c:h-2']);
    const b = await lease(db, { max: 10, maxBytes: 10 * size, now: T0, leaseMs: 1000 });
    expect(b.map((r) => r.report.answer.key)).toEqual(['claude:c:h-3', 'claude:c:h-4']);
    expect((await countByState(db)).sending).toBe(5);
  });

  it('stops at the byte budget but always sends at least one report', async () => {
    const db = await fresh();
    await addReport(db, await report(0, 'x'.repeat(5000)), T0);
    await addReport(db, await report(1, 'y'.repeat(5000)), T0);
    expect(await lease(db, { max: 10, maxBytes: 100, now: T0, leaseMs: 1000 })).toHaveLength(1);
    expect(await lease(db, { max: 10, maxBytes: 100, now: T0, leaseMs: 1000 })).toHaveLength(1);
  });

  it('returns an expired lease to pending, and keeps an active one', async () => {
    const db = await fresh();
    await addReport(db, await report(0), T0);
    await lease(db, { max: 10, maxBytes: 1e6, now: T0, leaseMs: 1000 });
    expect(await lease(db, { max: 10, maxBytes: 1e6, now: T0 + 999, leaseMs: 1000 })).toEqual([]);
    const again = await lease(db, { max: 10, maxBytes: 1e6, now: T0 + 1000, leaseMs: 1000 });
    expect(again).toHaveLength(1);
  });

  it('releases every lease when a new service worker starts', async () => {
    const db = await fresh();
    for (let i = 0; i < 3; i++) await addReport(db, await report(i), T0);
    await lease(db, { max: 10, maxBytes: 1e6, now: T0, leaseMs: 60_000 });
    expect(await releaseAllLeases(db, T0 + 1)).toBe(3);
    expect(await countByState(db)).toEqual({ pending: 3, sending: 0, sent: 0, rejected: 0 });
  });
});

describe('settling', () => {
  it('moves leased reports to sent, rejected (with reason) or back to pending', async () => {
    const db = await fresh();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await report(i);
      ids.push(r.id);
      await addReport(db, r, T0);
    }
    await lease(db, { max: 10, maxBytes: 1e6, now: T0, leaseMs: 1000 });
    await settle(db, { sent: [ids[0]!], rejected: [{ id: ids[1]!, reason: 'bad site' }], retry: [ids[2]!], failed: true }, T0 + 5);
    const recs = Object.fromEntries((await allReports(db)).map((r) => [r.id, r]));
    expect(recs[ids[0]!]).toMatchObject({ state: 'sent', sentAt: T0 + 5 });
    expect(recs[ids[1]!]).toMatchObject({ state: 'rejected', reason: 'bad site' });
    expect(recs[ids[2]!]).toMatchObject({ state: 'pending', attempts: 1 });
    expect(recs[ids[2]!]!.leaseUntil).toBeUndefined();
  });

  it('ignores answers for reports that are not leased (a late reply after the lease expired and was re-leased elsewhere)', async () => {
    const db = await fresh();
    const r = await report(0);
    await addReport(db, r, T0);
    await settle(db, { sent: [r.id] }, T0);
    expect((await allReports(db))[0]!.state).toBe('pending');
  });
});

describe('capacity', () => {
  it('evicts delivered history first, oldest first, to make room', async () => {
    const db = await fresh();
    const caps = { maxReports: 3, maxBytes: 1e9 };
    const rs = await Promise.all([0, 1, 2].map((i) => report(i)));
    for (const r of rs) await addReport(db, r, T0, caps);
    await lease(db, { max: 2, maxBytes: 1e9, now: T0, leaseMs: 1000 });
    await settle(db, { sent: [rs[0]!.id, rs[1]!.id] }, T0);
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
    await lease(db, { max: 1, maxBytes: 1e9, now: T0, leaseMs: 1000 });
    await settle(db, { sent: [rs[2]!.id] }, T0);
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
    await lease(db, { max: 1, maxBytes: 1e9, now: T0, leaseMs: 1000 });
    await settle(db, { sent: [a.id] }, T0);
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
    expect(await lease(db, { max: 10, maxBytes: 1e9, now: T0, leaseMs: 1 })).toHaveLength(2);
  });
});
