/**
 * Drains the outbox to the endpoint: leases the oldest reports, posts them, and settles
 * each by the endpoint's answer. Failures back off exponentially with full jitter (or as
 * long as Retry-After asks); a refused token pauses delivery until the user acts; a
 * batch the endpoint refuses is split until the one bad report is isolated and kept as
 * rejected. One run at a time.
 */
import { evictSent, lease, releaseExpiredLeases, settle, type Lease, type Outbox, type OutboxRecord } from '../outbox/db';
import type { Settings } from '../settings';
import { postBatch, type PostDeps, type PostResult } from './http';
import { MAX_BATCH_BYTES } from './protocol';
import { tGlobal, type Localized } from '../i18n-core';

export interface SyncState {
  /** Consecutive failed rounds; 0 after any delivery. */
  attempt: number;
  nextAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** `said`: the same as data, put into words when shown (absent in states stored by older versions). */
  lastError: { message: string; at: number; said?: Localized } | null;
  paused: string | null;
  pausedSaid?: Localized | null;
}

export const INITIAL_SYNC_STATE: SyncState = { attempt: 0, nextAttemptAt: null, lastSuccessAt: null, lastError: null, paused: null };

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 3_600_000;
/** Batches posted at once; docs/endpoint.md promises endpoints no more than this. */
export const IN_FLIGHT = 3;
/** Retry-After is honoured, but a broken server cannot park delivery for days. */
export const RETRY_AFTER_CAP_MS = 6 * 3_600_000;

/** Full jitter: uniform in [0, min(cap, base·2^attempt)], at least a second. */
export function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 30));
  return Math.max(1_000, Math.floor(random() * ceiling));
}

export interface UploaderDeps extends Omit<PostDeps, 'timeoutMs'> {
  db: () => Promise<Outbox>;
  settings: () => Promise<Settings>;
  loadState: () => Promise<SyncState>;
  saveState: (s: SyncState) => Promise<void>;
  random: () => number;
  /** Ask to be run again at this time (ms since epoch). */
  schedule: (at: number) => void;
}

export type SyncOutcome = 'no-endpoint' | 'paused' | 'waiting' | 'done' | 'retry-later' | 'busy';

export function createUploader(deps: UploaderDeps) {
  let running: Promise<SyncOutcome> | null = null;
  let again = false;
  let againForce = false;

  async function run(force: boolean): Promise<SyncOutcome> {
    const settings = await deps.settings();
    const db = await deps.db();
    await evictSent(db, settings.keepSentDays, deps.now());
    // Only here: runs never overlap, so no lease of this run can be taken from under it.
    await releaseExpiredLeases(db, deps.now());
    const endpoint = settings.endpoint;
    if (!endpoint) return 'no-endpoint';
    let state = await deps.loadState();
    if (state.paused && !force) return 'paused';
    if (!force && state.nextAttemptAt && state.nextAttemptAt > deps.now()) {
      deps.schedule(state.nextAttemptAt);
      return 'waiting';
    }
    state = { ...state, paused: null, pausedSaid: null, nextAttemptAt: null };
    const timeoutMs = endpoint.timeoutSeconds * 1000;
    const post = (recs: OutboxRecord[]) => postBatch(endpoint, recs.map((r) => r.report), { ...deps, timeoutMs });

    /** Delivers these reports of the lease; splits on 413 and on a refused batch. Leaves none leased. */
    async function deliver(held: Lease, recs: OutboxRecord[]): Promise<PostResult> {
      const res = await post(recs);
      const ids = recs.map((r) => r.id);
      switch (res.kind) {
        case 'ok':
          await settle(db, held, { sent: res.sent, rejected: res.rejected }, deps.now());
          return res;
        case 'auth':
          await settle(db, held, { retry: ids }, deps.now());
          return res;
        case 'retry':
          await settle(db, held, { retry: ids, failed: true }, deps.now());
          return res;
        case 'too-large':
        case 'bad': {
          if (recs.length === 1) {
            // Kept with the report (and exported), so in words now.
            const reason = res.kind === 'too-large' ? tGlobal('sync_reportTooLarge') : res.message;
            await settle(db, held, { rejected: [{ id: ids[0]!, reason }] }, deps.now());
            return { kind: 'ok', status: res.status, sent: [], rejected: [{ id: ids[0]!, reason }] };
          }
          const half = Math.ceil(recs.length / 2);
          const first = await deliver(held, recs.slice(0, half));
          if (first.kind !== 'ok') {
            await settle(db, held, { retry: recs.slice(half).map((r) => r.id) }, deps.now());
            return first;
          }
          return deliver(held, recs.slice(half));
        }
      }
    }

    // Several batches in flight: while the endpoint answers one, the others are leased, sent or
    // settled, so the outbox's own work no longer adds to every round trip. The first failure
    // stops new batches; those still in flight settle by their own answers.
    const inFlight = new Set<Promise<void>>();
    let stop: Exclude<PostResult, { kind: 'ok' }> | null = null;
    // The outbox failed under a batch. Kept, not thrown from the lane: a lane can fail while the
    // loop waits for a lease, when nothing is listening to it.
    let failed: { error: unknown } | null = null;
    let drained = false;
    try {
      for (;;) {
        while (!stop && !failed && !drained && inFlight.size < IN_FLIGHT) {
          const held = await lease(db, {
            max: endpoint.batchSize,
            maxBytes: MAX_BATCH_BYTES - 4_096,
            now: deps.now(),
            leaseMs: timeoutMs * 2 + 30_000,
          });
          if (!held) {
            drained = true;
            break;
          }
          const lane: Promise<void> = deliver(held, held.records)
            .then(async (res) => {
              if (res.kind !== 'ok') {
                stop ??= res;
                return;
              }
              state = { ...state, attempt: 0, lastSuccessAt: deps.now(), lastError: null };
              await deps.saveState(state);
            })
            .catch((error: unknown) => {
              failed ??= { error };
            })
            .finally(() => inFlight.delete(lane));
          inFlight.add(lane);
        }
        if (!inFlight.size) break;
        await Promise.race(inFlight);
        // A report saved meanwhile goes in this run too.
        drained = false;
      }
    } finally {
      // Leasing the next batch failed: the others finish before this run ends, so the next run
      // never overlaps them.
      await Promise.all(inFlight);
    }
    // `failed` and `stop` are assigned inside the lanes' callbacks, which the compiler's narrowing
    // does not see.
    const failure = failed as { error: unknown } | null;
    if (failure) throw failure.error;

    let outcome: SyncOutcome = 'done';
    const res = stop as Exclude<PostResult, { kind: 'ok' }> | null;
    if (res) {
      const at = deps.now();
      if (res.kind === 'auth') {
        state = { ...state, paused: res.message, pausedSaid: res.said, lastError: { message: res.message, at, said: res.said } };
        outcome = 'paused';
      } else {
        const wait =
          res.kind === 'retry' && res.retryAfterMs !== null
            ? Math.min(res.retryAfterMs, RETRY_AFTER_CAP_MS)
            : backoffMs(state.attempt, deps.random);
        state = { ...state, attempt: state.attempt + 1, nextAttemptAt: at + wait, lastError: { message: res.message, at, said: res.said } };
        deps.schedule(at + wait);
        outcome = 'retry-later';
      }
    }
    await deps.saveState(state);
    return outcome;
  }

  return {
    /** Runs a sync unless one is running (then returns when that one ends). `force`: ignore backoff and pause. */
    sync(force = false): Promise<SyncOutcome> {
      if (running) {
        // Something new may have arrived after the running pass last looked: look again after it.
        again ||= true;
        againForce ||= force;
        return running.then(() => 'busy' as const);
      }
      running = run(force).finally(() => {
        running = null;
        if (again) {
          const f = againForce;
          again = againForce = false;
          void this.sync(f);
        }
      });
      return running;
    },
    get running() {
      return running !== null;
    },
  };
}
