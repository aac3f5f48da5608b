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
  /**
   * Running totals, so a capacity check does not read every report: `count()` walks the
   * whole store in Chromium, which made every save slower as the outbox filled.
   * `reports` is missing in databases written before it existed, and is then counted once.
   */
  meta: { key: 'usage'; value: { bytes: number; reports?: number } };
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
/**
 * For moving reports between states during delivery, not for storing them: if the browser
 * crashes before such a commit reaches the disk, a report is only sent again, and its id makes
 * that harmless. Waiting for the disk on every batch was a third of the time a batch took.
 * A new report is always stored with the default (durable) commit.
 */
const RELAXED: IDBTransactionOptions = { durability: 'relaxed' };

interface Totals {
  bytes: number;
  reports: number;
}

async function totals(tx: Tx): Promise<Totals> {
  const u = await tx.objectStore('meta').get('usage');
  return { bytes: u?.bytes ?? 0, reports: u?.reports ?? (await tx.objectStore('reports').count()) };
}

/** Applies a change in bytes and in report count to the running totals. */
async function addTotals(tx: Tx, bytes: number, reports: number): Promise<void> {
  if (!bytes && !reports) return;
  const t = await totals(tx);
  await tx.objectStore('meta').put({ bytes: Math.max(0, t.bytes + bytes), reports: Math.max(0, t.reports + reports) }, 'usage');
}

const inState = (state: ReportState) => IDBKeyRange.bound([state, -Infinity], [state, Infinity]);

/**
 * Stores a new report. Over the caps, delivered history goes first (oldest first);
 * a report waiting for delivery is never evicted: the new one is refused instead.
 */
export async function addReport(db: Outbox, report: Report, now = Date.now(), caps: Caps = DEFAULT_CAPS): Promise<void> {
  const bytes = reportBytes(report);
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const store = tx.objectStore('reports');
  const before = await totals(tx);
  let { reports: count, bytes: used } = before;
  if (count + 1 > caps.maxReports || used + bytes > caps.maxBytes) {
    for (let c = await store.index('byState').openCursor(inState('sent')); c; c = await c.continue()) {
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
  await tx.objectStore('meta').put({ bytes: Math.max(0, used + bytes), reports: count + 1 }, 'usage');
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
  const tx = db.transaction(RW, 'readwrite', RELAXED) as Tx;
  const store = tx.objectStore('reports');
  const byState = store.index('byState');
  // Requests are queued without awaiting each one: a transaction runs them in order, and one
  // round trip per record was most of the time a batch took.
  const expired = (await byState.getAll(inState('sending'))).filter((r) => (r.leaseUntil ?? 0) <= opts.now);
  const puts = expired.map((r) => store.put({ ...r, state: 'pending', leaseUntil: undefined }));
  const out: OutboxRecord[] = [];
  let bytes = 0;
  for (const r of await byState.getAll(inState('pending'), opts.max)) {
    // A single report larger than the byte budget still goes, alone.
    if (out.length && bytes + r.bytes > opts.maxBytes) break;
    out.push({ ...r, state: 'sending', leaseUntil: opts.now + opts.leaseMs, updatedAt: opts.now });
    bytes += r.bytes;
  }
  puts.push(...out.map((r) => store.put(r)));
  await Promise.all([...puts, tx.done]);
  return out;
}

/** At service-worker start nothing is in flight: every lease is an orphan. */
export async function releaseAllLeases(db: Outbox, now = Date.now()): Promise<number> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  let n = 0;
  for (let c = await tx.objectStore('reports').index('byState').openCursor(inState('sending')); c; c = await c.continue()) {
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
  const tx = db.transaction(RW, 'readwrite', RELAXED) as Tx;
  const store = tx.objectStore('reports');
  type Change = [id: string, change: (r: OutboxRecord) => OutboxRecord];
  const changes: Change[] = [
    ...(s.sent ?? []).map((id): Change => [id, (r) => ({ ...r, state: 'sent', sentAt: now })]),
    ...(s.rejected ?? []).map(({ id, reason }): Change => [id, (r) => ({ ...r, state: 'rejected', reason })]),
    ...(s.retry ?? []).map((id): Change => [id, (r) => ({ ...r, state: 'pending', attempts: r.attempts + (s.failed ? 1 : 0) })]),
  ];
  const current = await Promise.all(changes.map(([id]) => store.get(id)));
  const puts = changes.flatMap(([, change], i) => {
    const r = current[i];
    return r && r.state === 'sending' ? [store.put({ ...change(r), leaseUntil: undefined, updatedAt: now })] : [];
  });
  await Promise.all([...puts, tx.done]);
}

/** Delivered history older than `keepDays` is dropped. */
export async function evictSent(db: Outbox, keepDays: number, now = Date.now()): Promise<number> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const cutoff = now - keepDays * 86_400_000;
  let n = 0;
  let freed = 0;
  for (let c = await tx.objectStore('reports').index('byState').openCursor(inState('sent')); c; c = await c.continue()) {
    if ((c.value.sentAt ?? c.value.updatedAt) < cutoff) {
      freed += c.value.bytes;
      await c.delete();
      n++;
    }
  }
  await addTotals(tx, -freed, -n);
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
  await addTotals(tx, -rec.bytes, -1);
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
  await addTotals(tx, -freed, -n);
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
  await tx.objectStore('meta').put({ bytes: 0, reports: 0 }, 'usage');
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
    ? db.transaction('reports').store.index('byState').iterate(inState(state))
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
