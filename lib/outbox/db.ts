/**
 * The IndexedDB outbox. Lives in the extension's origin (background only): a content
 * script's IndexedDB would belong to the chatbot's origin, readable by its scripts.
 *
 * A report moves pending → sending (leased) → sent | rejected, and leaves "sending"
 * only on the endpoint's answer. A lease that outlives its holder (the service worker
 * stopped mid-batch, the browser closed) goes back to pending, and the report's id
 * makes the resend harmless at the endpoint.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Report } from '../report';

export const DB_NAME = 'behind-the-answer';
export const DB_VERSION = 2;

export const REPORT_STATES = ['pending', 'sending', 'sent', 'rejected'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export interface OutboxRecord {
  id: string;
  state: ReportState;
  report: Report;
  /** ms since epoch; report.createdAt as a number, for ordering. */
  createdAt: number;
  updatedAt: number;
  /** Size of the report as JSON (UTF-8), for batch and capacity limits. */
  bytes: number;
  /** Failed delivery attempts so far. */
  attempts: number;
  /** While sending: when the lease runs out. */
  leaseUntil?: number;
  sentAt?: number;
  /** Why the endpoint refused it, in its words. */
  reason?: string;
}

interface OutboxDB extends DBSchema {
  reports: {
    key: string;
    value: OutboxRecord;
    indexes: { state: ReportState; createdAt: number; byState: [ReportState, number] };
  };
  /** Running totals, so a capacity check does not read every report. */
  meta: { key: 'usage'; value: { bytes: number } };
}

export type Outbox = IDBPDatabase<OutboxDB>;

export interface Caps {
  maxReports: number;
  maxBytes: number;
}

/** Well inside the quota an extension gets without `unlimitedStorage`. */
export const DEFAULT_CAPS: Caps = { maxReports: 20_000, maxBytes: 100 * 1024 * 1024 };

export class OutboxFullError extends Error {
  constructor(caps: Caps) {
    super(
      `The outbox is full (${caps.maxReports.toLocaleString('en')} reports or ${Math.round(caps.maxBytes / 1048576)} MB waiting). ` +
        'Nothing was lost; deliver or export and delete waiting reports to make room.',
    );
    this.name = 'OutboxFullError';
  }
}

export function reportBytes(report: Report): number {
  return new TextEncoder().encode(JSON.stringify(report)).length;
}

/** Schema upgrades, one step per version, so any old database reaches the current shape. */
export function openOutbox(name = DB_NAME): Promise<Outbox> {
  return openDB<OutboxDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const reports = db.createObjectStore('reports', { keyPath: 'id' });
        reports.createIndex('state', 'state');
        reports.createIndex('createdAt', 'createdAt');
      }
      if (oldVersion < 2) {
        // v2: sizes, attempt counts and a (state, createdAt) index for oldest-first leasing.
        const store = tx.objectStore('reports');
        store.createIndex('byState', ['state', 'createdAt']);
        let bytes = 0;
        for (let c = await store.openCursor(); c; c = await c.continue()) {
          const r = c.value as OutboxRecord;
          const size = r.bytes ?? reportBytes(r.report);
          bytes += size;
          await c.update({ ...r, bytes: size, attempts: r.attempts ?? 0 });
        }
        db.createObjectStore('meta');
        await tx.objectStore('meta').put({ bytes }, 'usage');
      }
    },
  });
}

type Tx = IDBPTransaction<OutboxDB, StoreNames<OutboxDB>[], 'readwrite'>;
const RW = ['reports', 'meta'] as const;

async function usage(tx: Tx): Promise<number> {
  return (await tx.objectStore('meta').get('usage'))?.bytes ?? 0;
}

async function addUsage(tx: Tx, delta: number): Promise<void> {
  if (delta) await tx.objectStore('meta').put({ bytes: Math.max(0, (await usage(tx)) + delta) }, 'usage');
}

/**
 * Stores a new report. Over the caps, delivered history goes first (oldest first);
 * a report waiting for delivery is never evicted: the new one is refused instead.
 */
export async function addReport(db: Outbox, report: Report, now = Date.now(), caps: Caps = DEFAULT_CAPS): Promise<void> {
  const bytes = reportBytes(report);
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const store = tx.objectStore('reports');
  let count = await store.count();
  let used = await usage(tx);
  const before = used;
  if (count + 1 > caps.maxReports || used + bytes > caps.maxBytes) {
    const range = IDBKeyRange.bound(['sent', -Infinity], ['sent', Infinity]);
    for (let c = await store.index('byState').openCursor(range); c; c = await c.continue()) {
      if (count + 1 <= caps.maxReports && used + bytes <= caps.maxBytes) break;
      count--;
      used -= c.value.bytes;
      await c.delete();
    }
    if (count + 1 > caps.maxReports || used + bytes > caps.maxBytes) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new OutboxFullError(caps);
    }
  }
  await store.add({
    id: report.id,
    state: 'pending',
    report,
    createdAt: Date.parse(report.createdAt),
    updatedAt: now,
    bytes,
    attempts: 0,
  });
  await addUsage(tx, used - before + bytes);
  await tx.done;
}

/**
 * Takes the oldest pending reports, up to `max` reports and `maxBytes`, and marks them
 * sending until `now + leaseMs`. Expired leases are returned to pending first. One
 * transaction, so two callers can never lease the same report.
 */
export async function lease(
  db: Outbox,
  opts: { max: number; maxBytes: number; now: number; leaseMs: number },
): Promise<OutboxRecord[]> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const byState = tx.objectStore('reports').index('byState');
  for (let c = await byState.openCursor(IDBKeyRange.bound(['sending', -Infinity], ['sending', Infinity])); c; c = await c.continue()) {
    if ((c.value.leaseUntil ?? 0) <= opts.now) await c.update({ ...c.value, state: 'pending', leaseUntil: undefined });
  }
  const out: OutboxRecord[] = [];
  let bytes = 0;
  const range = IDBKeyRange.bound(['pending', -Infinity], ['pending', Infinity]);
  for (let c = await byState.openCursor(range); c && out.length < opts.max; c = await c.continue()) {
    // A single report larger than the byte budget still goes, alone.
    if (out.length && bytes + c.value.bytes > opts.maxBytes) break;
    const rec: OutboxRecord = { ...c.value, state: 'sending', leaseUntil: opts.now + opts.leaseMs, updatedAt: opts.now };
    await c.update(rec);
    out.push(rec);
    bytes += rec.bytes;
  }
  await tx.done;
  return out;
}

/** At service-worker start nothing is in flight: every lease is an orphan. */
export async function releaseAllLeases(db: Outbox, now = Date.now()): Promise<number> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  let n = 0;
  const range = IDBKeyRange.bound(['sending', -Infinity], ['sending', Infinity]);
  for (let c = await tx.objectStore('reports').index('byState').openCursor(range); c; c = await c.continue()) {
    await c.update({ ...c.value, state: 'pending', leaseUntil: undefined, updatedAt: now });
    n++;
  }
  await tx.done;
  return n;
}

export interface Settlement {
  sent?: string[];
  rejected?: { id: string; reason: string }[];
  /** Back to pending; `failed` counts as a delivery attempt. */
  retry?: string[];
  failed?: boolean;
}

/** Applies the endpoint's answer. Only leased (sending) reports change. */
export async function settle(db: Outbox, s: Settlement, now = Date.now()): Promise<void> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const store = tx.objectStore('reports');
  const apply = async (id: string, change: (r: OutboxRecord) => OutboxRecord) => {
    const r = await store.get(id);
    if (r && r.state === 'sending') await store.put({ ...change(r), leaseUntil: undefined, updatedAt: now });
  };
  for (const id of s.sent ?? []) await apply(id, (r) => ({ ...r, state: 'sent', sentAt: now }));
  for (const { id, reason } of s.rejected ?? []) await apply(id, (r) => ({ ...r, state: 'rejected', reason }));
  for (const id of s.retry ?? []) await apply(id, (r) => ({ ...r, state: 'pending', attempts: r.attempts + (s.failed ? 1 : 0) }));
  await tx.done;
}

/** Delivered history older than `keepDays` is dropped. */
export async function evictSent(db: Outbox, keepDays: number, now = Date.now()): Promise<number> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const cutoff = now - keepDays * 86_400_000;
  let n = 0;
  let freed = 0;
  const range = IDBKeyRange.bound(['sent', -Infinity], ['sent', Infinity]);
  for (let c = await tx.objectStore('reports').index('byState').openCursor(range); c; c = await c.continue()) {
    if ((c.value.sentAt ?? c.value.updatedAt) < cutoff) {
      freed += c.value.bytes;
      await c.delete();
      n++;
    }
  }
  await addUsage(tx, -freed);
  await tx.done;
  return n;
}

/** Undo: only a report that has not started leaving the device can be taken back. */
export async function removePending(db: Outbox, id: string): Promise<boolean> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const store = tx.objectStore('reports');
  const rec = await store.get(id);
  if (!rec || rec.state !== 'pending') {
    await tx.done;
    return false;
  }
  await store.delete(id);
  await addUsage(tx, -rec.bytes);
  await tx.done;
  return true;
}

/** Deletes reports by id (any state except sending, which is in flight). */
export async function removeReports(db: Outbox, ids: readonly string[] | 'all'): Promise<number> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const store = tx.objectStore('reports');
  let n = 0;
  let freed = 0;
  if (ids === 'all') {
    for (let c = await store.openCursor(); c; c = await c.continue()) {
      if (c.value.state !== 'sending') {
        freed += c.value.bytes;
        await c.delete();
        n++;
      }
    }
  } else {
    for (const id of ids) {
      const r = await store.get(id);
      if (r && r.state !== 'sending') {
        freed += r.bytes;
        await store.delete(id);
        n++;
      }
    }
  }
  await addUsage(tx, -freed);
  await tx.done;
  return n;
}

export async function usedBytes(db: Outbox): Promise<number> {
  return (await db.get('meta', 'usage'))?.bytes ?? 0;
}

/** "Delete all my data": every report in every state, and the running totals. */
export async function clearOutbox(db: Outbox): Promise<void> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  await tx.objectStore('reports').clear();
  await tx.objectStore('meta').put({ bytes: 0 }, 'usage');
  await tx.done;
}

export async function countByState(db: Outbox): Promise<Record<ReportState, number>> {
  const counts = await Promise.all(REPORT_STATES.map((s) => db.countFromIndex('reports', 'state', s)));
  return Object.fromEntries(REPORT_STATES.map((s, i) => [s, counts[i]!])) as Record<ReportState, number>;
}

/** Oldest first; one state or all. */
export async function listReports(db: Outbox, state?: ReportState, limit = Infinity): Promise<OutboxRecord[]> {
  const out: OutboxRecord[] = [];
  const source = state
    ? db.transaction('reports').store.index('byState').iterate(IDBKeyRange.bound([state, -Infinity], [state, Infinity]))
    : db.transaction('reports').store.index('createdAt').iterate();
  for await (const c of source) {
    out.push(c.value);
    if (out.length >= limit) break;
  }
  return out;
}

export function allReports(db: Outbox): Promise<OutboxRecord[]> {
  return db.getAllFromIndex('reports', 'createdAt');
}
