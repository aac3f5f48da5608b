/**
 * The IndexedDB outbox. Lives in the extension's origin (background only): a content
 * script's IndexedDB would belong to the chatbot's origin, readable by its scripts.
 *
 * A report moves pending → sending (leased) → sent | rejected, and leaves "sending"
 * only on the endpoint's answer. A lease that outlives its holder (the service worker
 * stopped mid-batch, the browser closed) goes back to pending, and the report's id
 * makes the resend harmless at the endpoint.
 *
 * "Sending" is not written into each report: a batch's lease is one record in `leases`,
 * and a leased report stays `pending` in `reports`. Every IndexedDB request costs about
 * the same whatever it carries, and writing the lease into each report was a third of
 * the requests a delivered report took. The functions here show a leased report as
 * `sending`, so callers never see the difference.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Report } from '../report';

export const DB_NAME = 'behind-the-answer';
export const DB_VERSION = 3;

export const REPORT_STATES = ['pending', 'sending', 'sent', 'rejected'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
/** A leased report is stored as pending (see `leases`). */
const STORED_STATES: ReportState[] = ['pending', 'sent', 'rejected'];

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
  /** While sending: when the lease runs out. Only shown (the lease record holds it); stored by versions before 3. */
  leaseUntil?: number;
  sentAt?: number;
  /** Why the endpoint refused it, in its words. */
  reason?: string;
}

interface OutboxDB extends DBSchema {
  reports: {
    key: string;
    value: OutboxRecord;
    /** The only index: each one is written again with every change of state. */
    indexes: { byState: [ReportState, number] };
  };
  /**
   * Running totals, so a capacity check does not read every report: `count()` walks the
   * whole store in Chromium, which made every save slower as the outbox filled.
   * `reports` is missing in databases written before it existed, and is then counted once.
   */
  meta: { key: 'usage'; value: { bytes: number; reports?: number } };
  /** One record per batch in flight: its reports are `sending` while it exists. */
  leases: { key: number; value: LeaseRecord };
}

interface LeaseRecord {
  /** From the store's key generator, which `clear()` does not reset: an id is never given twice. */
  id?: number;
  /** The reports still held; those settled leave the list. */
  ids: string[];
  until: number;
  /** The newest `createdAt` among the reports as leased, and how many have it: where the next lease starts reading. */
  newest: number;
  atNewest: number;
}

/** What `lease` hands out: settle it with `settle`. */
export interface Lease {
  id: number;
  until: number;
  records: OutboxRecord[];
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
        // Indexes v3 drops again, so not in the schema's type any more.
        const reports = db.createObjectStore('reports', { keyPath: 'id' }) as unknown as IDBObjectStore;
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
      if (oldVersion < 3) {
        // v3: leases in their own store. A report an older version left as `sending` belonged to a
        // service worker that is gone (the upgrade runs as a new version starts): it goes back to pending.
        db.createObjectStore('leases', { keyPath: 'id', autoIncrement: true });
        const store = tx.objectStore('reports');
        for (let c = await store.index('byState').openCursor(inState('sending')); c; c = await c.continue()) {
          await c.update({ ...c.value, state: 'pending', leaseUntil: undefined });
        }
        // Every index entry is rewritten with each put, and the byState index answers what these did
        // (counts by state; all reports oldest first is each state's list, merged).
        store.deleteIndex('state');
        store.deleteIndex('createdAt');
      }
    },
  });
}

type Tx = IDBPTransaction<OutboxDB, StoreNames<OutboxDB>[], 'readwrite'>;
type AnyTx = IDBPTransaction<OutboxDB, StoreNames<OutboxDB>[], IDBTransactionMode>;
const RW = ['reports', 'meta', 'leases'] as const;
const READ = ['reports', 'leases'] as const;
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

function inState(state: ReportState, from = -Infinity) {
  return IDBKeyRange.bound([state, from], [state, Infinity]);
}

/** Ids of the reports held by a lease, and when each lease runs out. */
async function leased(tx: AnyTx): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  for (const l of await tx.objectStore('leases').getAll()) for (const id of l.ids) held.set(id, l.until);
  return held;
}

/** A stored report as callers see it: `sending` while a lease holds it. */
function shown(r: OutboxRecord, held: Map<string, number>): OutboxRecord {
  const until = held.get(r.id);
  return until === undefined ? r : { ...r, state: 'sending', leaseUntil: until };
}

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
 * Takes the oldest pending reports not already leased, up to `max` reports and `maxBytes`,
 * and leases them until `now + leaseMs`. One transaction, so two callers can never lease the
 * same report. An expired lease still holds its reports until `releaseExpiredLeases`: a
 * holder that is still alive (a batch split into many requests can outlast its lease) must
 * not have its reports leased to someone else under it.
 */
export async function lease(
  db: Outbox,
  opts: { max: number; maxBytes: number; now: number; leaseMs: number },
): Promise<Lease | null> {
  const tx = db.transaction(RW, 'readwrite', RELAXED) as Tx;
  const leases = tx.objectStore('leases');
  const index = tx.objectStore('reports').index('byState');
  const current = await leases.getAll();
  const held = new Set(current.flatMap((l) => l.ids));
  const free = (rs: OutboxRecord[]) => rs.filter((r) => !held.has(r.id));
  let found: OutboxRecord[];
  if (!held.size) {
    found = await index.getAll(inState('pending'), opts.max);
  } else {
    // Leased reports stay pending, and reading their values only to skip them cost more than the
    // rest of a lease. Keys are cheap: they say which reports to take. Leases are taken oldest
    // first, so those are usually all at or after the newest report already leased, and only
    // that far is read.
    const want = (await index.getAllKeys(inState('pending'), opts.max + held.size)).filter((id) => !held.has(id)).slice(0, opts.max);
    const from = Math.max(...current.map((l) => l.newest));
    const skip = current.reduce((n, l) => n + (l.newest === from ? l.atNewest : 0), 0);
    found = want.length ? free(await index.getAll(inState('pending', from), opts.max + skip)) : [];
    if (!want.every((id, i) => found[i]?.id === id)) {
      // Older reports are free again (a batch put back, a lease released, a clock set back).
      found = free(await index.getAll(inState('pending'), opts.max + held.size));
    }
  }
  const records: OutboxRecord[] = [];
  let bytes = 0;
  for (const r of found.slice(0, opts.max)) {
    // A single report larger than the byte budget still goes, alone.
    if (records.length && bytes + r.bytes > opts.maxBytes) break;
    records.push(r);
    bytes += r.bytes;
  }
  if (!records.length) {
    await tx.done;
    return null;
  }
  const until = opts.now + opts.leaseMs;
  const newest = records[records.length - 1]!.createdAt;
  const id = await leases.add({ ids: records.map((r) => r.id), until, newest, atNewest: records.filter((r) => r.createdAt === newest).length });
  await tx.done;
  return { id, until, records: records.map((r) => ({ ...r, state: 'sending', leaseUntil: until })) };
}

/** Leases that ran out go back: their holder is gone (a run that failed before settling). */
export async function releaseExpiredLeases(db: Outbox, now = Date.now()): Promise<number> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const leases = tx.objectStore('leases');
  let n = 0;
  for (const l of await leases.getAll()) {
    if (l.until > now) continue;
    n += l.ids.length;
    await leases.delete(l.id!);
  }
  await tx.done;
  return n;
}

/** At service-worker start nothing is in flight: every lease is an orphan. */
export async function releaseAllLeases(db: Outbox): Promise<number> {
  const tx = db.transaction(RW, 'readwrite') as Tx;
  const n = (await leased(tx)).size;
  await tx.objectStore('leases').clear();
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

/**
 * Applies the endpoint's answer to reports this lease still holds; the others are left as
 * they are. A lease that is gone (released as an orphan, or the outbox cleared) changes
 * nothing, so a deleted report is never written back. While the lease exists its reports
 * are exactly as leased (nothing else changes or deletes a leased report), so they are
 * written from the lease's copies without being read again.
 */
export async function settle(db: Outbox, held: Lease, s: Settlement, now = Date.now()): Promise<void> {
  const tx = db.transaction(RW, 'readwrite', RELAXED) as Tx;
  const store = tx.objectStore('reports');
  const leases = tx.objectStore('leases');
  const current = await leases.get(held.id);
  if (!current) {
    await tx.done;
    return;
  }
  const holding = new Set(current.ids);
  const copies = new Map(held.records.map((r) => [r.id, r]));
  const stored = (r: OutboxRecord, change: Partial<OutboxRecord>): OutboxRecord => ({ ...r, ...change, leaseUntil: undefined, updatedAt: now });
  type Change = [id: string, change: ((r: OutboxRecord) => OutboxRecord) | null];
  const changes: Change[] = [
    ...(s.sent ?? []).map((id): Change => [id, (r) => stored(r, { state: 'sent', sentAt: now })]),
    ...(s.rejected ?? []).map(({ id, reason }): Change => [id, (r) => stored(r, { state: 'rejected', reason })]),
    // Stored as pending all along: only a failed attempt is written.
    ...(s.retry ?? []).map((id): Change => [id, s.failed ? (r) => stored(r, { state: 'pending', attempts: r.attempts + 1 }) : null]),
  ];
  // Requests are queued without awaiting each one: a transaction runs them in order, and one
  // round trip per record was most of the time a batch took. They are made on the plain store:
  // idb's promise for each request was a fifth of the service worker's time per batch, and a
  // failed request aborts the transaction, which `tx.done` reports.
  const plain = unwrap(store);
  for (const [id, change] of changes) {
    const r = copies.get(id);
    if (!r || !holding.delete(id)) continue;
    if (change) plain.put(change(r));
  }
  if (holding.size) unwrap(leases).put({ ...current, ids: [...holding] });
  else unwrap(leases).delete(held.id);
  await tx.done;
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
  if (!rec || rec.state !== 'pending' || (await leased(tx)).has(id)) {
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
  const held = await leased(tx);
  const deletable = (r: OutboxRecord) => !held.has(r.id);
  let n = 0;
  let freed = 0;
  if (ids === 'all') {
    for (let c = await store.openCursor(); c; c = await c.continue()) {
      if (deletable(c.value)) {
        freed += c.value.bytes;
        await c.delete();
        n++;
      }
    }
  } else {
    for (const id of ids) {
      const r = await store.get(id);
      if (r && deletable(r)) {
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
  await tx.objectStore('leases').clear();
  await tx.objectStore('meta').put({ bytes: 0, reports: 0 }, 'usage');
  await tx.done;
}

export async function countByState(db: Outbox): Promise<Record<ReportState, number>> {
  const tx = db.transaction(READ);
  const index = tx.objectStore('reports').index('byState');
  const [held, ...counts] = await Promise.all([leased(tx), ...REPORT_STATES.map((s) => index.count(inState(s)))]);
  const by = Object.fromEntries(REPORT_STATES.map((s, i) => [s, counts[i]!])) as Record<ReportState, number>;
  // Leased reports are stored as pending.
  return { ...by, pending: by.pending - held.size, sending: held.size };
}

/** One report's state as callers see it; null when there is no such report. */
export async function reportState(db: Outbox, id: string): Promise<ReportState | null> {
  const tx = db.transaction(READ);
  const [r, held] = await Promise.all([tx.objectStore('reports').get(id), leased(tx)]);
  return r ? shown(r, held).state : null;
}

const oldestFirst = (a: OutboxRecord, b: OutboxRecord) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Oldest first; one state or all. */
export async function listReports(db: Outbox, state?: ReportState, limit = Infinity): Promise<OutboxRecord[]> {
  const tx = db.transaction(READ);
  const store = tx.objectStore('reports');
  const held = await leased(tx);
  if (state === 'sending') {
    // Few (the batches in flight), and stored as pending: read by id.
    const recs = await Promise.all([...held.keys()].map((id) => store.get(id)));
    return recs
      .filter((r): r is OutboxRecord => !!r)
      .map((r) => shown(r, held))
      .sort(oldestFirst)
      .slice(0, limit);
  }
  // Each state's oldest, merged: enough for `limit` of them all.
  const count = (s: ReportState) => (limit === Infinity ? undefined : limit + (s === 'pending' ? held.size : 0));
  const lists = await Promise.all(
    (state ? [state] : STORED_STATES).map((s) => store.index('byState').getAll(inState(s), count(s))),
  );
  return lists
    .flat()
    .map((r) => shown(r, held))
    .filter((r) => !state || r.state === state)
    .sort(oldestFirst)
    .slice(0, limit);
}

export async function allReports(db: Outbox): Promise<OutboxRecord[]> {
  return listReports(db);
}
