/**
 * The IndexedDB outbox. Lives in the extension's origin (background only): a content
 * script's IndexedDB would belong to the chatbot's origin, readable by its scripts.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Report } from '../report';

export const DB_NAME = 'behind-the-answer';
export const DB_VERSION = 1;

export type ReportState = 'pending' | 'sending' | 'sent' | 'rejected';

export interface OutboxRecord {
  id: string;
  state: ReportState;
  report: Report;
  /** ms since epoch; duplicates report.createdAt as a number for the index. */
  createdAt: number;
  updatedAt: number;
}

interface OutboxDB extends DBSchema {
  reports: {
    key: string;
    value: OutboxRecord;
    indexes: { state: ReportState; createdAt: number };
  };
}

export type Outbox = IDBPDatabase<OutboxDB>;

/** Schema upgrades, one step per version, so any old database reaches the current shape. */
export function openOutbox(name = DB_NAME): Promise<Outbox> {
  return openDB<OutboxDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const reports = db.createObjectStore('reports', { keyPath: 'id' });
        reports.createIndex('state', 'state');
        reports.createIndex('createdAt', 'createdAt');
      }
    },
  });
}

export async function addReport(db: Outbox, report: Report, now = Date.now()): Promise<void> {
  await db.add('reports', { id: report.id, state: 'pending', report, createdAt: Date.parse(report.createdAt), updatedAt: now });
}

/** Undo: only a report that has not started leaving the device can be taken back. */
export async function removePending(db: Outbox, id: string): Promise<boolean> {
  const tx = db.transaction('reports', 'readwrite');
  const rec = await tx.store.get(id);
  if (!rec || rec.state !== 'pending') {
    await tx.done;
    return false;
  }
  await tx.store.delete(id);
  await tx.done;
  return true;
}

export async function countByState(db: Outbox): Promise<Record<ReportState, number>> {
  const states: ReportState[] = ['pending', 'sending', 'sent', 'rejected'];
  const counts = await Promise.all(states.map((s) => db.countFromIndex('reports', 'state', s)));
  return Object.fromEntries(states.map((s, i) => [s, counts[i]!])) as Record<ReportState, number>;
}

export function allReports(db: Outbox): Promise<OutboxRecord[]> {
  return db.getAllFromIndex('reports', 'createdAt');
}
