/**
 * When a panel draws its Preact tree. A long conversation (hundreds of answers) would
 * otherwise keep hundreds of trees alive that nobody looks at: on a 1,000-turn page that was
 * 10 MB of script heap, and every garbage collection while the site streams the next answer
 * walks it (the streaming cost at turn 1,000 grew 1.7× with them, 0.7× without).
 *
 * So the first `eager` panels on a page draw at once (a normal conversation never notices),
 * and after that a panel draws when it comes near the viewport — or when the keyboard reaches
 * it, or when it is asked to open its flag form. A drawn panel stays drawn.
 */
export interface LazyDrawer {
  /** Calls `draw` now, or once `el` nears the viewport (or `now()` is called), once. */
  defer(el: Element, draw: () => void, eager?: boolean): Deferred;
  /** Panels drawn and still on the page. */
  readonly drawn: number;
}

export interface Deferred {
  /** Drawn (and not forgotten since). */
  readonly drawn: boolean;
  /** Draw now if not yet drawn (the keyboard reached it, the flag form was asked for). */
  now(): void;
  /** The panel goes away: stop watching it, and give its place back if it was drawn. */
  forget(): void;
}

export interface LazyOptions {
  /** Panels per page drawn at once. */
  eager: number;
  /** How far outside the viewport (and outside a scrolling chat column) a panel already draws. */
  marginPx: number;
}

export const LAZY_DEFAULTS: LazyOptions = { eager: 40, marginPx: 1200 };

export function createLazyDrawer(win: Window & typeof globalThis, opts: LazyOptions = LAZY_DEFAULTS): LazyDrawer {
  let drawn = 0;
  const waiting = new Map<Element, () => void>();
  let io: IntersectionObserver | null = null;

  const observer = () =>
    (io ??= new win.IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) waiting.get(e.target)?.();
      },
      // `scrollMargin` (Baseline since 2025) extends the margin to the chat column's own scroller,
      // so a panel draws before it scrolls into sight there too; older browsers ignore it.
      { rootMargin: `${opts.marginPx}px 0px`, scrollMargin: `${opts.marginPx}px 0px` } as IntersectionObserverInit,
    ));

  return {
    get drawn() {
      return drawn;
    },
    defer(el, draw, eager = false) {
      let state: 'waiting' | 'drawn' | 'gone' = 'waiting';
      const now = () => {
        if (state !== 'waiting') return;
        state = 'drawn';
        drawn++;
        if (waiting.delete(el)) io?.unobserve(el);
        draw();
      };
      if (eager || drawn < opts.eager || !('IntersectionObserver' in win)) now();
      else {
        waiting.set(el, now);
        observer().observe(el);
      }
      return {
        get drawn() {
          return state === 'drawn';
        },
        now,
        forget() {
          if (state === 'drawn') drawn--;
          if (state === 'waiting' && waiting.delete(el)) io?.unobserve(el);
          state = 'gone';
        },
      };
    },
  };
}
