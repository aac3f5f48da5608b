/**
 * Everything the extension does on one chatbot page while it is switched on: the watcher,
 * a panel per finished answer, the fallback for unknown layouts, theme following and the
 * "flag latest answer" command. Returns a stop function that removes every trace.
 */
import { browser } from 'wxt/browser';
import { conversationIdOf } from '@/lib/sites/parse';
import { watchPage } from '@/lib/sites/watcher';
import { onThemeSignal, themeBehind } from '@/lib/theme';
import type { PageConfig, Reply, ToBackground, ToContent } from '@/lib/messages';
import { mountPanel, type PanelHandle } from '@/components/panel/mount';
import type { PanelApi } from '@/components/panel/Panel';
import type { DisclosureView } from '@/lib/disclosures/view';
import type { SiteAdapter, VendorId } from '@/lib/sites/types';

export type Send = <T extends ToBackground['type']>(msg: ToBackground & { type: T }) => Promise<Reply<T>>;

export function runOnPage(site: SiteAdapter, send: Send, config: () => PageConfig): () => void {
  const api: PanelApi = {
    save: (draft) => send({ type: 'report:save', draft }),
    undo: (id) => send({ type: 'report:undo', id }),
    state: (id) => send({ type: 'report:state', id }),
  };
  const pageUrl = () => location.href;
  // One question per model on the page, not one per answer.
  const disclosures = new Map<string, Promise<DisclosureView | null>>();
  const disclosureFor = (model: string | null) => {
    const k = model ?? '';
    let p = disclosures.get(k);
    if (!p) {
      p = send({ type: 'disclosure:get', site: site.id, model })
        .then((r) => (r.ok ? r.disclosure : null))
        .catch(() => null);
      disclosures.set(k, p);
    }
    return p;
  };
  const openDirectory = (vendor: string) =>
    void send({ type: 'open:directory', vendor: vendor as VendorId }).catch(() => undefined);
  const theme = (el: Element | null) => themeBehind(el ?? document.body, window);

  let floating: PanelHandle | null = null;
  const dropFloating = () => {
    floating?.destroy();
    floating?.host.remove();
    floating = null;
  };

  const watcher = watchPage(document, site, {
    mount: (answer, info) =>
      mountPanel(info, { api, pageUrl, config, theme: theme(answer), disclosure: disclosureFor(info.model), openDirectory }),
    layout(recognised) {
      void send({ type: 'layout:status', site: site.id, recognised, url: location.href }).catch(() => undefined);
      dropFloating();
      if (recognised) return;
      // A redesign we do not know yet: the person can still flag the page as a whole.
      const conversationId = conversationIdOf(site, location);
      floating = mountPanel(
        {
          key: `${site.id}:${conversationId ?? 'new'}:page`,
          text: '',
          prompt: null,
          model: null,
          mode: null,
          conversationId,
          site: site.id,
          vendor: site.vendor,
        },
        { api, pageUrl, config, theme: theme(null), floating: true },
      );
      document.documentElement.append(floating.host);
    },
    navigated: dropFloating,
  });

  const stopTheme = onThemeSignal(document, () => {
    for (const m of watcher.all()) m.mounted.setTheme(theme(m.answer));
    floating?.setTheme(theme(null));
  });

  const onMessage = (msg: unknown) => {
    if ((msg as ToContent)?.type !== 'command:flag-latest') return;
    (watcher.latest()?.mounted ?? floating)?.openFlag();
  };
  browser.runtime.onMessage.addListener(onMessage);

  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    stopTheme();
    watcher.stop();
    dropFloating();
  };
}
