import { browser } from 'wxt/browser';
import { createHandler } from '@/lib/background';
import { openOutbox, type Outbox } from '@/lib/outbox/db';
import type { ToContent } from '@/lib/messages';

export default defineBackground(() => {
  let db: Promise<Outbox> | null = null;
  const handle = createHandler({
    db: () => (db ??= openOutbox()),
    version: browser.runtime.getManifest().version,
    extensionId: browser.runtime.id,
  });

  // Listeners are registered synchronously so a service worker woken by a message gets it.
  browser.runtime.onMessage.addListener((msg, sender) => handle(msg, sender));

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'flag-latest') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const msg: ToContent = { type: 'command:flag-latest' };
    await browser.tabs.sendMessage(tab.id, msg).catch(() => {
      // Not a chatbot page (no content script there): nothing to flag.
    });
  });
});
