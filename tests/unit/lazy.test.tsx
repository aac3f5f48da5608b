/**
 * Panels far down a long conversation draw when they near the viewport, when the keyboard
 * reaches them or when their flag form is asked for; a normal conversation draws at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLazyDrawer } from '../../components/panel/lazy';
import { mountPanel, type PanelHandle } from '../../components/panel/mount';
import type { PanelApi } from '../../components/panel/Panel';
import type { AnswerInfo } from '../../lib/sites/types';

/** An IntersectionObserver whose "the element is near" the test decides. */
function fakeWindow() {
  const observers: { cb: IntersectionObserverCallback; els: Set<Element>; init?: IntersectionObserverInit }[] = [];
  class IO {
    private o: (typeof observers)[number];
    constructor(cb: IntersectionObserverCallback, init?: IntersectionObserverInit) {
      this.o = { cb, els: new Set(), init };
      observers.push(this.o);
    }
    observe(el: Element) {
      this.o.els.add(el);
    }
    unobserve(el: Element) {
      this.o.els.delete(el);
    }
    disconnect() {
      this.o.els.clear();
    }
  }
  const win = { IntersectionObserver: IO } as unknown as Window & typeof globalThis;
  const near = (el: Element) => {
    for (const o of observers) {
      if (o.els.has(el)) o.cb([{ target: el, isIntersecting: true } as IntersectionObserverEntry], o as never);
    }
  };
  const watched = () => observers.reduce((n, o) => n + o.els.size, 0);
  return { win, near, watched, observers };
}

describe('createLazyDrawer', () => {
  it('draws the first panels at once and the rest when they near the viewport, each once', () => {
    const { win, near, watched, observers } = fakeWindow();
    const lazy = createLazyDrawer(win, { eager: 2, marginPx: 500 });
    const els = Array.from({ length: 4 }, () => document.createElement('div'));
    const draws = els.map(() => 0);
    const handles = els.map((el, i) => lazy.defer(el, () => draws[i]!++));
    expect(draws).toEqual([1, 1, 0, 0]);
    expect(watched()).toBe(2);
    expect(observers[0]!.init?.rootMargin).toBe('500px 0px');
    near(els[3]!);
    near(els[3]!);
    expect(draws).toEqual([1, 1, 0, 1]);
    expect(watched()).toBe(1);
    expect(handles[2]!.drawn).toBe(false);
    handles[2]!.now();
    handles[2]!.now();
    expect(draws).toEqual([1, 1, 1, 1]);
    expect(lazy.drawn).toBe(4);
    handles[2]!.forget();
    expect(handles[2]!.drawn).toBe(false);
    expect(lazy.drawn).toBe(3);
  });

  it('gives a drawn panel’s place back when it goes, and stops watching one that was never drawn', () => {
    const { win, near, watched } = fakeWindow();
    const lazy = createLazyDrawer(win, { eager: 1, marginPx: 500 });
    const a = document.createElement('div');
    const b = document.createElement('div');
    let drawnB = 0;
    const ha = lazy.defer(a, () => undefined);
    const hb = lazy.defer(b, () => drawnB++);
    expect(watched()).toBe(1);
    hb.forget();
    expect(watched()).toBe(0);
    near(b);
    expect(drawnB).toBe(0);
    ha.forget();
    expect(lazy.drawn).toBe(0);
    // After a conversation's panels went away (navigation), new ones draw at once again.
    let drawnC = 0;
    lazy.defer(document.createElement('div'), () => drawnC++);
    expect(drawnC).toBe(1);
  });

  it('draws a floating panel at once whatever the count', () => {
    const { win } = fakeWindow();
    const lazy = createLazyDrawer(win, { eager: 0, marginPx: 500 });
    let n = 0;
    lazy.defer(document.createElement('div'), () => n++, true);
    expect(n).toBe(1);
  });
});

const api: PanelApi = {
  save: async () => ({ ok: true, id: 'r1', destination: { kind: 'local' } }),
  undo: async () => ({ ok: true, removed: true }),
  state: async () => ({ ok: true, state: 'pending' }),
};
const info = (i: number): AnswerInfo => ({
  key: `claude:c1:id-m${i}`,
  text: `answer ${i}`,
  prompt: null,
  model: null,
  mode: null,
  conversationId: 'c1',
  site: 'claude',
  vendor: 'anthropic',
});

describe('a panel far down a long conversation', () => {
  let panels: PanelHandle[] = [];
  afterEach(() => {
    for (const p of panels) {
      p.destroy();
      p.host.remove();
    }
    panels = [];
  });

  const mountMany = (n: number) => {
    for (let i = 0; i < n; i++) {
      const p = mountPanel(info(i), { api, pageUrl: () => 'https://claude.ai/chat/c1', theme: 'light' });
      document.body.append(p.host);
      panels.push(p);
    }
  };
  const buttons = (p: PanelHandle) => p.host.shadowRoot!.querySelectorAll('button').length;

  it('waits undrawn, reachable by the keyboard, and moves the focus into itself when reached', () => {
    mountMany(41);
    expect(buttons(panels[0]!)).toBeGreaterThan(0);
    expect(panels[0]!.host.hasAttribute('tabindex')).toBe(false);
    const last = panels[40]!;
    expect(buttons(last)).toBe(0);
    expect(last.host.tabIndex).toBe(0);
    expect(last.host.getAttribute('aria-label')).toBeTruthy();
    last.host.focus();
    expect(buttons(last)).toBeGreaterThan(0);
    expect(last.host.shadowRoot!.activeElement?.tagName).toBe('BUTTON');
    expect(last.host.hasAttribute('tabindex')).toBe(false);
  });

  it('draws itself to open the flag form when asked (the "flag latest answer" shortcut)', async () => {
    mountMany(41);
    const last = panels[40]!;
    expect(buttons(last)).toBe(0);
    last.openFlag();
    await vi.waitFor(() => expect(last.host.shadowRoot!.querySelector('form')).not.toBeNull());
  });
});
