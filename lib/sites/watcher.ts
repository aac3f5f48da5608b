/**
 * One watcher per chat page: decides when each answer is finished and keeps exactly one
 * panel host after it, through streaming, React re-renders, virtualised lists and SPA
 * navigation. Framework-free; the content script supplies what a "panel" is.
 *
 * Cost model: the MutationObserver sees added and removed nodes and streaming/key attributes,
 * never text edits; while an answer streams it does not look inside it at all (see
 * `observe`), so a streamed chunk costs the page nothing of ours. An answer being written is
 * polled every `pollMs` instead, and the poll reads only the end of its body (where streamed
 * text lands). The callback queues added nodes; a batched flush handles the queue. Nothing
 * rescans the whole document per mutation or poll, so 1,000 turns stay cheap.
 */
import { answerBody, answerId, answerText, conversationIdOf, describeAnswer, findPrompts, resolveChain } from './parse';
import { hasActionBar, isGenerating, markerState, type Progress } from './state';
import type { AnswerInfo, SiteAdapter } from './types';

/** Marks every node we add to the page, so we never treat our own nodes as the page's. */
export const HOST_ATTR = 'data-behind-the-answer';

/** How often an unresolved answer chain is tried again while the page changes. */
const RESOLVE_EVERY_MS = 300;

export interface Mounted {
  /** Inserted right after the answer by the watcher; carries HOST_ATTR. */
  host: HTMLElement;
  destroy(): void;
}

export interface WatcherHooks<M extends Mounted = Mounted> {
  mount(answer: Element, info: AnswerInfo): M;
  /** The page shows a conversation but no answer selector matches (false), or matches again (true). */
  layout?(recognised: boolean): void;
  /** The conversation changed (SPA navigation); every panel has been removed. */
  navigated?(url: string): void;
}

export interface WatcherTiming {
  /** First scan waits for this long without mutations (React hydration)... */
  quietMs: number;
  /** ...but never longer than this. */
  quietCapMs: number;
  /** Without a per-answer streaming marker, text must be unchanged this long (best a multiple of `pollMs`). */
  stableMs: number;
  /**
   * Re-check of answers still being written (their marker, the end of their text). A change
   * no record shows is seen by this poll, so a stability window can start up to this late.
   */
  pollMs: number;
  /** Mutation batching. */
  flushMs: number;
  /** A conversation page with no recognised answers after this long is an unknown layout. */
  unrecognisedMs: number;
  /** URL poll for routers that change the address without events we can see. */
  urlPollMs: number;
  /** Text stable this long counts as finished even while a global "generating" signal lingers. */
  stuckMs: number;
}

export const DEFAULT_TIMING: WatcherTiming = {
  quietMs: 600,
  quietCapMs: 3000,
  stableMs: 800,
  pollMs: 200,
  flushMs: 100,
  unrecognisedMs: 8000,
  urlPollMs: 500,
  stuckMs: 15000,
};

export interface MountedAnswer<M extends Mounted = Mounted> {
  answer: Element;
  info: AnswerInfo;
  mounted: M;
}

export interface PageWatcher<M extends Mounted = Mounted> {
  /** The last finished answer in document order (for "flag latest answer"). */
  latest(): MountedAnswer<M> | null;
  /** Every mounted answer, document order. */
  all(): MountedAnswer<M>[];
  /** Stop observing and remove every panel. */
  stop(): void;
}

interface Pending {
  /** Where its text is (re-found when the site replaces it). */
  body: Element | null;
  /** The last node in its body and that node's length: where streamed text grows, cheap to read. */
  tail: Node | null;
  tailLength: number;
  /**
   * Its whole text once the tail has stopped changing; compared again before it counts as
   * finished, for an edit elsewhere that neither a record nor the tail shows.
   */
  raw: string | null;
  /**
   * When its text last changed, as far as we know: when a record or a poll found the end of
   * its body changed, or when the whole-text check before finishing found it different.
   */
  since: number;
  /** Polls since then that found it unchanged. */
  quiet: number;
  /** The site's own per-answer marker says it is being written (re-checked every poll). */
  writing: boolean;
}

interface Entry<M extends Mounted> extends MountedAnswer<M> {
  id: string | null;
}

export function watchPage<M extends Mounted>(
  doc: Document,
  site: SiteAdapter,
  hooks: WatcherHooks<M>,
  timing: Partial<WatcherTiming> = {},
): PageWatcher<M> {
  const t = { ...DEFAULT_TIMING, ...timing };
  const win = doc.defaultView!;
  const now = () => Date.now();

  let answerSel: string | null = null;
  let lastResolveTry = -Infinity;
  let phase: 'quiet' | 'live' = 'quiet';
  let phaseStart = now();
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  /** Polls in a row that must find an answer without a marker unchanged before it is finished. */
  const stableTicks = Math.max(1, Math.ceil(t.stableMs / t.pollMs));
  let layoutTimer: ReturnType<typeof setTimeout> | undefined;
  let layoutReported: boolean | null = null;
  let href = win.location.href;
  let stopped = false;

  const queued = new Set<Element>();
  let needSweep = false;
  const pending = new Map<Element, Pending>();
  /**
   * Per site id: a virtualised list or a re-render replaces elements, and a new element
   * for a message already seen must neither wait again nor restart its stability clock.
   */
  const pendingById = new Map<string, Pending>();
  /** Keys finished in this conversation: their elements come back mounted at once. */
  let finished = new Set<string>();
  const entries = new Map<Element, Entry<M>>();
  const keys = new Map<string, Element>();
  /** Answers of the conversation we navigated away from, with their text then. */
  let leftBehind = new Map<Element, string>();

  const attrs = new Set<string>();
  for (const m of site.selectors.streaming ?? []) attrs.add(m.attr);
  for (const k of site.selectors.key ?? []) attrs.add(k.attr);
  /** A marker attribute turning to one of these values is the site's own finish signal. */
  const doneValues = new Map<string, readonly string[]>();
  for (const m of site.selectors.streaming ?? []) doneValues.set(m.attr, [...(doneValues.get(m.attr) ?? []), ...m.done]);
  const saysDone = (r: MutationRecord) => {
    const done = doneValues.get(r.attributeName!);
    return !!done && done.includes((r.target as Element).getAttribute(r.attributeName!) ?? '');
  };

  const ours = (n: Node): boolean => {
    const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
    return !!el?.closest(`[${HOST_ATTR}]`);
  };

  function resolve(): string | null {
    if (answerSel) return answerSel;
    // A redesign (or a page still loading) matches nothing; trying costs a query per selector.
    if (now() - lastResolveTry < RESOLVE_EVERY_MS) return null;
    lastResolveTry = now();
    answerSel = resolveChain(doc, site.selectors.answer);
    if (answerSel) reportLayout(true);
    return answerSel;
  }

  function reportLayout(recognised: boolean) {
    if (layoutReported === recognised) return;
    // "Recognised" is only news after we said it was not.
    if (recognised && layoutReported === null) {
      layoutReported = true;
      return;
    }
    layoutReported = recognised;
    hooks.layout?.(recognised);
  }

  function armLayoutCheck() {
    clearTimeout(layoutTimer);
    layoutTimer = setTimeout(() => {
      if (stopped || answerSel) return;
      lastResolveTry = -Infinity;
      if (resolve()) return flushSoon(true);
      // Only a page that shows a conversation should have answers; a new-chat page has none.
      if (conversationIdOf(site, win.location)) reportLayout(false);
    }, t.unrecognisedMs);
  }

  function queueNode(n: Node) {
    if (ours(n)) return;
    const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
    if (!el) return;
    if (!answerSel) {
      queued.add(el); // resolved at flush
      return;
    }
    const up = el.closest(answerSel);
    if (up) queued.add(up);
    if (el.nodeType === 1 && n === el && el.firstElementChild) {
      for (const a of el.querySelectorAll(answerSel)) queued.add(a);
    }
  }

  function pendingOf(n: Node): Element | undefined {
    for (const a of pending.keys()) if (a.contains(n)) return a;
    return undefined;
  }

  /**
   * One observer, in one of two ways (see `observe`). Never `characterData`: most streamed
   * chunks only lengthen a text node, and a callback per chunk was most of what we cost a
   * streaming page. Text edits are found by the poll; a ticking clock does not keep the page "busy".
   */
  const observer = new win.MutationObserver(onRecords);
  let streamingMode = false;
  const pageOptions: MutationObserverInit = {
    childList: true,
    subtree: true,
    attributes: attrs.size > 0,
    attributeFilter: attrs.size ? [...attrs] : undefined,
  };

  /**
   * While an answer is being written, its own changes are only polled, and the page is
   * watched for what can matter meanwhile: the site's marker and key attributes anywhere, and
   * turns added to or removed from the conversation's list (a virtualised list re-mounting
   * answers as the reader scrolls). The rest (a panel a re-render dropped, an answer added
   * deeper down) is caught up with once nothing streams any more. On a chatbot that re-renders
   * the whole answer per chunk, that is a callback saved per chunk.
   */
  function observe(streaming: Element | null) {
    if (stopped || streamingMode === !!streaming) return;
    const missed = observer.takeRecords();
    if (missed.length) onRecords(missed);
    observer.disconnect();
    streamingMode = !!streaming;
    if (!streaming) {
      observer.observe(doc.documentElement, pageOptions);
      return catchUp();
    }
    const list = (site.selectors.turn ? streaming.closest(site.selectors.turn) : null)?.parentElement ?? streaming.parentElement;
    const root = doc.documentElement;
    // Observing a node again replaces its options: the list may be the root itself.
    if (list && list !== root) observer.observe(list, { childList: true });
    if (attrs.size || list === root) {
      observer.observe(root, { childList: list === root, subtree: attrs.size > 0, attributes: attrs.size > 0, attributeFilter: attrs.size ? [...attrs] : undefined });
    }
  }

  /** An answer whose text changed within the last window, or whose marker says it is being written. */
  function streamingAnswer(): Element | null {
    for (const [a, p] of pending) {
      const quiet = now() - p.since;
      if (a.isConnected && (quiet < t.stableMs + t.pollMs || (p.writing && quiet < t.stuckMs))) return a;
    }
    return null;
  }

  /** After streaming: answers added and panels dropped while only the conversation's list was watched. */
  function catchUp() {
    if (phase !== 'live' || !answerSel) return;
    for (const a of doc.querySelectorAll(answerSel)) if (!entries.has(a) && !pending.has(a)) queued.add(a);
    needSweep = true;
    flushSoon(true);
  }

  function onRecords(records: MutationRecord[]) {
    if (phase === 'quiet') return armQuiet();
    let doneSignal = false;
    let changed: Element | undefined;
    for (const r of records) {
      if (r.type === 'attributes') {
        queueNode(r.target);
        doneSignal ||= saysDone(r);
        continue;
      }
      const a = pending.size ? (changed?.contains(r.target) ? changed : pendingOf(r.target)) : undefined;
      if (a) {
        // Inside an answer still being written. A removal in there cannot take a panel or a
        // mounted answer with it (neither is inside one).
        if (changed && changed !== a) stamp(changed);
        changed = a;
        continue;
      }
      for (const n of r.addedNodes) queueNode(n);
      if (r.removedNodes.length) needSweep = true;
    }
    if (changed) stamp(changed);
    // While an answer streams, most records are inside it: no flush (a timer task) for those.
    // The site saying an answer is done is worth a flush now, not after the batching delay.
    if (queued.size || needSweep) flushSoon(doneSignal);
  }

  /** Nodes changed in it: when that changed the end of its text, it counts as changed. */
  function stamp(a: Element) {
    const p = pending.get(a)!;
    if (tailChanged(a, p)) restart(p, -1);
  }

  /** Reads the end of the answer's body into `p`; true when it differs from what `p` had. */
  function tailChanged(a: Element, p: Pending): boolean {
    if (!p.body || !a.contains(p.body)) p.body = answerBody(a, site);
    let n: Node = p.body;
    while (n.lastChild) n = n.lastChild;
    const length = n.nodeType === 3 ? (n as Text).length : 0;
    if (n === p.tail && length === p.tailLength) return false;
    p.tail = n;
    p.tailLength = length;
    return true;
  }

  function armQuiet() {
    clearTimeout(quietTimer);
    const left = t.quietCapMs - (now() - phaseStart);
    quietTimer = setTimeout(goLive, Math.max(0, Math.min(t.quietMs, left)));
  }

  function goLive() {
    if (stopped) return;
    phase = 'live';
    queued.clear();
    lastResolveTry = -Infinity;
    const sel = resolve();
    if (!sel) {
      armLayoutCheck();
      return;
    }
    // Everything present after the quiet moment: already on the page when it loaded.
    const generating = isGenerating(doc, site);
    const all = [...doc.querySelectorAll(sel)];
    const prompts = findPrompts(doc, site);
    all.forEach((a, i) => {
      // A router that has not yet replaced the old conversation must not get its panels back.
      if (leftBehind.get(a) === answerText(a, site)) return;
      const m = markerState(a, site);
      const last = i === all.length - 1;
      if (m === 'done' || (m === 'unknown' && !(generating && last))) mount(a, prompts);
      else watchPending(a, m);
    });
    leftBehind = new Map();
    schedulePoll();
  }

  function flushSoon(immediate = false) {
    if (flushTimer !== undefined && !immediate) return;
    clearTimeout(flushTimer);
    flushTimer = setTimeout(flush, immediate ? 0 : t.flushMs);
  }

  function flush() {
    flushTimer = undefined;
    if (stopped || phase !== 'live') return;
    if (win.location.href !== href) return navigated();
    if (!answerSel) {
      if (!resolve()) {
        // Something changed; look again when the throttle allows (that look takes stock of all).
        queued.clear();
        flushTimer = setTimeout(flush, Math.max(t.flushMs, RESOLVE_EVERY_MS - (now() - lastResolveTry)));
        return;
      }
      // The layout just became recognisable: take stock of everything once.
      queued.clear();
      for (const a of doc.querySelectorAll(answerSel!)) queued.add(a);
    }
    if (needSweep) sweep();
    let prompts: Element[] | null = null;
    for (const a of queued) {
      if (!a.isConnected || !a.matches(answerSel!)) continue;
      const e = entries.get(a);
      const m = markerState(a, site);
      if (e) {
        // Regenerated in place, or the site swapped a temporary id for the real one.
        if (m === 'writing' || answerId(a, site) !== e.id) {
          finished.delete(e.id ?? e.info.key);
          unmount(a);
          watchPending(a, m);
        }
        continue;
      }
      if (m === 'done') mount(a, (prompts ??= findPrompts(doc, site)));
      else if (pending.has(a)) continue; // still being written: the poll follows it
      else if (m === 'unknown' && seenFinished(a, () => (prompts ??= findPrompts(doc, site)))) {
        mount(a, (prompts ??= findPrompts(doc, site)));
      } else watchPending(a, m);
    }
    queued.clear();
    schedulePoll();
    observe(streamingAnswer());
  }

  /** `prompts` is asked for only when the answer has no id (one document query per flush at most). */
  function seenFinished(a: Element, prompts: () => Element[]): boolean {
    if (!finished.size) return false;
    const id = answerId(a, site);
    if (id) return finished.has(id);
    return finished.has(describeAnswer(a, site, doc, win.location, prompts()).key);
  }

  function watchPending(a: Element, marker: Progress) {
    if (pending.has(a)) return;
    const id = answerId(a, site);
    const p: Pending = (id && pendingById.get(id)) || { body: null, tail: null, tailLength: 0, raw: null, since: now(), quiet: 0, writing: false };
    tailChanged(a, p);
    p.writing = marker === 'writing';
    pending.set(a, p);
    if (id) pendingById.set(id, p);
  }

  function forget(a: Element) {
    pending.delete(a);
  }

  /**
   * One repeating timer while anything is pending, none otherwise: a timer armed per poll
   * cost the page more than the poll itself (the bench's profile: ~50 µs per setTimeout).
   */
  function schedulePoll() {
    if (pending.size && ticker === undefined) ticker = setInterval(poll, t.pollMs);
    else if (!pending.size && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  }

  /** Its text changed: counting starts again (from the next poll when a record saw it between two). */
  function restart(p: Pending, quiet: 0 | -1) {
    p.since = now();
    p.quiet = quiet;
    p.raw = null;
  }

  function poll() {
    if (stopped) return;
    // Asked only when an answer's text has settled: on a 1,000-turn page this query scans
    // the whole document, and while text still streams the answer is not done anyway.
    let generating: boolean | undefined;
    let prompts: Element[] | null = null;
    let lastAnswer: Element | null | undefined;
    for (const [a, p] of pending) {
      if (!a.isConnected) {
        forget(a);
        continue;
      }
      const m = markerState(a, site);
      p.writing = m === 'writing';
      // Text streamed into an existing node (no record for that) changed it some time since
      // the last poll: `stableTicks` unchanged polls from here are at least `stableMs`.
      if (tailChanged(a, p)) restart(p, 0);
      else p.quiet++;
      if (m === 'writing') continue;
      if (m === 'unknown') {
        if (p.quiet < stableTicks) {
          // Its whole text, once, early in the window: compared when the window ends.
          if (p.quiet > 0 && p.raw === null) p.raw = a.textContent ?? '';
          continue;
        }
        const raw = a.textContent ?? '';
        if (p.raw !== null && raw !== p.raw) {
          restart(p, 0); // an edit away from the end, which neither a record nor the tail showed
          continue;
        }
        lastAnswer ??= lastOf();
        const settled = hasActionBar(a, site) || a !== lastAnswer;
        if (!settled || ((generating ??= isGenerating(doc, site)) && now() - p.since < t.stuckMs)) continue;
        if (!answerText(a, site)) continue; // an empty shell is not an answer yet
      }
      forget(a);
      mount(a, (prompts ??= findPrompts(doc, site)));
    }
    schedulePoll();
    observe(streamingAnswer());
  }

  function lastOf(): Element | null {
    const all = answerSel ? doc.querySelectorAll(answerSel) : [];
    return all.length ? all[all.length - 1]! : null;
  }

  function mount(a: Element, prompts: Element[]) {
    forget(a);
    if (entries.has(a)) return;
    const id = answerId(a, site);
    if (id) pendingById.delete(id);
    const info = describeAnswer(a, site, doc, win.location, prompts);
    finished.add(id ?? info.key);
    // Two identical prompt+answer pairs in one conversation: number the later ones.
    let key = info.key;
    for (let n = 2; keys.has(key) && keys.get(key) !== a && keys.get(key)!.isConnected; n++) key = `${info.key}#${n}`;
    const stale = keys.get(key);
    if (stale && stale !== a) unmount(stale);
    const full = { ...info, key };
    const mounted = hooks.mount(a, full);
    mounted.host.setAttribute(HOST_ATTR, key);
    a.after(mounted.host);
    entries.set(a, { answer: a, info: full, mounted, id });
    keys.set(key, a);
  }

  function unmount(a: Element) {
    const e = entries.get(a);
    if (!e) return;
    entries.delete(a);
    if (keys.get(e.info.key) === a) keys.delete(e.info.key);
    e.mounted.destroy();
    e.mounted.host.remove();
  }

  function sweep() {
    needSweep = false;
    for (const [a, e] of entries) {
      if (!a.isConnected) unmount(a); // virtualised away; it comes back as a new element
      else if (!e.mounted.host.isConnected) a.after(e.mounted.host); // the framework dropped our node
    }
  }

  function reset() {
    leftBehind = new Map([...entries.values()].map((e) => [e.answer, answerText(e.answer, site)]));
    for (const a of [...entries.keys()]) unmount(a);
    for (const a of [...pending.keys()]) forget(a);
    pendingById.clear();
    finished = new Set();
    queued.clear();
    answerSel = null;
    layoutReported = null;
    clearTimeout(layoutTimer);
    phase = 'quiet';
    phaseStart = now();
    schedulePoll();
    observe(null);
    armQuiet();
  }

  function navigated() {
    if (win.location.href === href) return;
    const before = new URL(href);
    href = win.location.href;
    // A hash or query change inside one conversation is not a new conversation.
    if (before.pathname === win.location.pathname) return;
    reset();
    hooks.navigated?.(href);
  }

  const onNav = () => setTimeout(navigated, 0);
  win.addEventListener('popstate', onNav);
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  // The Navigation API announces the page's own pushState too (listeners of every world hear
  // it); only without it must the address be polled (a task every `urlPollMs`, forever).
  nav?.addEventListener('navigate', onNav);
  nav?.addEventListener('navigatesuccess', onNav);
  const urlPoll = nav ? undefined : setInterval(navigated, t.urlPollMs);

  observer.observe(doc.documentElement, pageOptions);
  armQuiet();

  function all(): MountedAnswer<M>[] {
    return [...entries.values()]
      .filter((e) => e.answer.isConnected)
      .sort((x, y) => (x.answer.compareDocumentPosition(y.answer) & 4 ? -1 : 1));
  }

  return {
    all,
    latest: () => all().at(-1) ?? null,
    stop() {
      stopped = true;
      observer.disconnect();
      for (const tm of [quietTimer, flushTimer, layoutTimer]) clearTimeout(tm);
      clearInterval(ticker);
      clearInterval(urlPoll);
      win.removeEventListener('popstate', onNav);
      nav?.removeEventListener('navigate', onNav);
      nav?.removeEventListener('navigatesuccess', onNav);
      for (const a of [...entries.keys()]) unmount(a);
      for (const a of [...pending.keys()]) forget(a);
    },
  };
}
