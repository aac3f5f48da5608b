import '@/lib/zod-setup';
import { browser } from 'wxt/browser';
import { createHandler, loadSyncState, saveSyncState } from '@/lib/background';
import { loadEffective } from '@/lib/effective';
import { openOutbox, releaseAllLeases, type Outbox } from '@/lib/outbox/db';
import { createUploader } from '@/lib/sync/uploader';
import { uuidv7 } from '@/lib/report';
import type { ToContent } from '@/lib/messages';
import { refreshNow } from '@/lib/disclosures/store';

/** Alarms fire at most every 30 s in a packed extension; shorter waits use a timer. */
const TIMER_LIMIT_MS = 25_000;
const AFTER_NEW_REPORT_MS = 1_500;

export default defineBackground(() => {
  const version = browser.runtime.getManifest().version;
  // A fresh service worker has nothing in flight: leases left by the last one are orphans.
  let db: Promise<Outbox> | null = null;
  const outbox = () => (db ??= openOutbox().then(async (d) => (await releaseAllLeases(d), d)));

  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const uploader = createUploader({
    db: outbox,
    // The endpoint in force may come from the team or the organisation.
    settings: async () => {
      const e = await loadEffective();
      return { ...e.settings, endpoint: e.merged.effective.endpoint };
    },
    loadState: loadSyncState,
    saveState: saveSyncState,
    fetch: (...args) => fetch(...args),
    now: Date.now,
    random: Math.random,
    uuid: () => uuidv7(),
    client: { version, browser: import.meta.env.BROWSER },
    schedule(at) {
      clearTimeout(retryTimer);
      const wait = at - Date.now();
      if (wait <= TIMER_LIMIT_MS) retryTimer = setTimeout(() => void uploader.sync(), Math.max(0, wait));
      else void browser.alarms.create('sync-retry', { when: at });
    },
  });

  let soon: ReturnType<typeof setTimeout> | undefined;
  const sync = (force = false) => {
    if (force) return uploader.sync(true);
    // Soon after a new report, once for a burst of them.
    soon ??= setTimeout(() => {
      soon = undefined;
      void uploader.sync();
    }, AFTER_NEW_REPORT_MS);
    return Promise.resolve('waiting' as const);
  };

  const handle = createHandler({
    db: outbox,
    version,
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    sync,
    syncRunning: () => uploader.running,
    browserName: import.meta.env.BROWSER,
    async openDirectory(vendor) {
      await browser.tabs.create({ url: browser.runtime.getURL(`/disclosures.html${vendor ? `#${vendor}` : ''}`) });
    },
  });
  const refreshRegistry = () => refreshNow({ fetch: (...args) => fetch(...args), now: Date.now }).catch(() => undefined);

  // Listeners are registered synchronously so a service worker woken by an event gets it.
  browser.runtime.onMessage.addListener((msg, sender) => handle(msg, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith('sync')) void uploader.sync();
    if (alarm.name === 'registry-refresh') void refreshRegistry();
  });
  browser.runtime.onStartup.addListener(() => void uploader.sync());
  // A hint only: the network may be back.
  globalThis.addEventListener?.('online', () => void uploader.sync());

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'flag-latest') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const msg: ToContent = { type: 'command:flag-latest' };
    await browser.tabs.sendMessage(tab.id, msg).catch(() => {
      // Not a chatbot page (no content script there): nothing to flag.
    });
  });

  // Alarms may not survive a browser restart: re-create the periodic one on every start.
  void browser.alarms.create('sync', { periodInMinutes: 1 });
  // The disclosure registry, when a remote one is set: daily, and once soon after start.
  void browser.alarms.get('registry-refresh').then((a) => {
    if (!a) void browser.alarms.create('registry-refresh', { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  });
  void uploader.sync();
});
