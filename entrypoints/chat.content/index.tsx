import { browser } from 'wxt/browser';
import { CHAT_MATCHES, siteFor } from '@/lib/sites';
import type { PageConfig } from '@/lib/messages';
import { runOnPage, type Send } from '@/components/page/run';
import { DEFAULT_PRIVACY } from '@/lib/privacy';

export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const site = siteFor(location);
    if (!site) return;
    const send: Send = (msg) => browser.runtime.sendMessage(msg) as never;

    // Until the background answers, nothing runs and nothing personal is assumed.
    let config: PageConfig = { enabled: false, privacy: DEFAULT_PRIVACY };
    let stop: (() => void) | null = null;

    // Settings change in the options page take effect here without a reload.
    async function apply() {
      const reply = await send({ type: 'page:config', site: site!.id }).catch(() => null);
      if (!reply?.ok) return;
      config = reply.config;
      if (config.enabled && !stop) stop = runOnPage(site!, send, () => config);
      if (!config.enabled && stop) {
        stop();
        stop = null;
      }
    }
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'settings' in changes) void apply();
    };
    browser.storage.onChanged.addListener(onChanged);
    void apply();

    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onChanged);
      stop?.();
    });
  },
});
