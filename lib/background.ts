/**
 * What the background does with each message. Kept apart from the entrypoint so unit
 * tests drive it with the fake browser and fake IndexedDB.
 */
import { browser } from 'wxt/browser';
import { ToBackgroundSchema, type Destination, type LayoutWarning, type Status } from './messages';
import { completeReport } from './report';
import { addReport, countByState, removePending, type Outbox } from './outbox/db';

const LAYOUT_KEY = 'layoutWarnings';

export interface BackgroundDeps {
  db: () => Promise<Outbox>;
  version: string;
  now?: () => number;
  /** Our own extension id: messages from anywhere else are refused. */
  extensionId: string;
}

type Sender = { id?: string; url?: string; tab?: { url?: string } };

export function createHandler(deps: BackgroundDeps) {
  const now = deps.now ?? Date.now;

  async function destination(): Promise<Destination> {
    // Delivery to an endpoint arrives with the outbox uploader; until then reports stay here.
    return { kind: 'local' };
  }

  async function layoutWarnings(): Promise<Record<string, LayoutWarning>> {
    const got = await browser.storage.local.get(LAYOUT_KEY);
    return (got[LAYOUT_KEY] as Record<string, LayoutWarning> | undefined) ?? {};
  }

  async function status(): Promise<Status> {
    const db = await deps.db();
    const counts = await countByState(db);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return {
      reports: { total, pending: counts.pending },
      layoutWarnings: Object.values(await layoutWarnings()),
    };
  }

  /** Answers one message; never throws (a failure becomes `{ok:false, error}` for the sender). */
  return async function handle(raw: unknown, sender: Sender): Promise<unknown> {
    if (sender.id !== deps.extensionId) return { ok: false, error: 'Message from an unknown sender.' };
    const parsed = ToBackgroundSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `Invalid message: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'unreadable'}` };
    }
    const msg = parsed.data;
    try {
      switch (msg.type) {
        case 'report:save': {
          const report = await completeReport(msg.draft, deps.version, now());
          await addReport(await deps.db(), report, now());
          return { ok: true, id: report.id, destination: await destination() };
        }
        case 'report:undo':
          return { ok: true, removed: await removePending(await deps.db(), msg.id) };
        case 'layout:status': {
          const all = await layoutWarnings();
          if (msg.recognised) {
            if (!all[msg.site]) return { ok: true };
            delete all[msg.site];
          } else {
            const u = new URL(msg.url);
            all[msg.site] = {
              site: msg.site,
              url: u.origin + u.pathname,
              lastSeen: new Date(now()).toISOString(),
              count: (all[msg.site]?.count ?? 0) + 1,
            };
          }
          await browser.storage.local.set({ [LAYOUT_KEY]: all });
          return { ok: true };
        }
        case 'status:get':
          return { ok: true, status: await status() };
      }
    } catch (e) {
      return { ok: false, error: `The extension could not do this: ${e instanceof Error ? e.message : String(e)}` };
    }
  };
}
