/**
 * A panel in its own shadow root on a host element we create (the page's nodes stay
 * untouched). No innerHTML anywhere: Gemini enforces Trusted Types, and page text must
 * stay text.
 */
import { render } from 'preact';
import { HOST_ATTR, type Mounted } from '@/lib/sites/watcher';
import type { AnswerInfo } from '@/lib/sites/types';
import type { Theme } from '@/lib/theme';
import { Panel, type PanelApi } from './Panel';
import { PANEL_CSS } from './styles';
import type { DisclosureView } from '@/lib/disclosures/view';
import type { PageConfig } from '@/lib/messages';
import { DEFAULT_PRIVACY } from '@/lib/privacy';
import { t } from '@/lib/i18n';
import { createLazyDrawer, type LazyDrawer } from './lazy';

/** One per page: how many panels are drawn is counted across the whole conversation. */
let lazy: LazyDrawer | null = null;

export interface PanelHandle extends Mounted {
  /** Open the flag form and put the keyboard focus in it. */
  openFlag(): void;
  setTheme(theme: Theme): void;
}

/**
 * Events that must not reach the page: sites with global shortcuts (Claude, ChatGPT)
 * grab keystrokes typed into other elements and steal focus for their composer.
 */
const ISOLATED_EVENTS = [
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionend',
  'focusin', 'focusout', 'paste', 'copy', 'cut',
] as const;

export function mountPanel(
  info: AnswerInfo,
  opts: {
    api: PanelApi;
    pageUrl: () => string;
    /** The page's current settings (privacy choices shape the preview). */
    config?: () => PageConfig;
    theme: Theme;
    floating?: boolean;
    disclosure?: Promise<DisclosureView | null>;
    openDirectory?: (vendor: string) => void;
  },
): PanelHandle {
  const doc = document;
  const host = doc.createElement('bta-panel');
  host.setAttribute(HOST_ATTR, info.key);
  host.setAttribute('data-theme', opts.theme);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());

  const shadow = host.attachShadow({ mode: 'open' });
  // A <style> element rather than adoptedStyleSheets: it works in Firefox content scripts too.
  const style = doc.createElement('style');
  style.textContent = PANEL_CSS;
  const root = doc.createElement('div');
  root.className = 'placeholder';
  shadow.append(style, root);

  let flagRequest = 0;
  let disclosure: DisclosureView | null = null;
  const draw = () =>
    render(
      <Panel
        info={info}
        pageUrl={opts.pageUrl}
        privacy={() => opts.config?.().privacy ?? DEFAULT_PRIVACY}
        form={() => {
          const c = opts.config?.();
          return { categories: c?.categories, required: c?.required };
        }}
        api={opts.api}
        flagRequest={flagRequest}
        floating={opts.floating}
        disclosure={disclosure}
        openDirectory={opts.openDirectory}
      />,
      root,
    );
  // Not drawn yet (far down a long conversation): the keyboard can still reach it, and
  // drawing it then moves the focus to its first button, so Tab order is kept.
  host.tabIndex = 0;
  host.setAttribute('role', 'group');
  host.setAttribute('aria-label', t('panel_groupLabel'));
  const deferred = (lazy ??= createLazyDrawer(window)).defer(
    host,
    () => {
      host.removeAttribute('tabindex');
      host.removeAttribute('role');
      host.removeAttribute('aria-label');
      root.className = '';
      draw();
    },
    opts.floating,
  );
  host.addEventListener('focus', () => {
    if (deferred.drawn) return;
    deferred.now();
    shadow.querySelector('button')?.focus();
  });
  void opts.disclosure?.then((d) => {
    disclosure = d;
    if (deferred.drawn) draw(); // not after destroy(): forgotten panels are not drawn
  });

  return {
    host,
    openFlag() {
      deferred.now();
      flagRequest++;
      draw();
      host.scrollIntoView?.({ block: 'nearest' });
    },
    setTheme(theme) {
      host.setAttribute('data-theme', theme);
    },
    destroy() {
      if (deferred.drawn) render(null, root);
      deferred.forget();
    },
  };
}
