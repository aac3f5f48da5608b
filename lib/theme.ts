/**
 * Light or dark, as the page shows itself: the first opaque background behind an element.
 * Sites switch themes by class on <html> (not only by the OS setting), so we read the page.
 */
export type Theme = 'light' | 'dark';

export function parseColor(css: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) return null;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

/** Relative luminance (WCAG) of an sRGB colour, 0..1. */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

export function themeBehind(el: Element | null, win: Window): Theme {
  for (let e = el; e; e = e.parentElement) {
    const c = parseColor(win.getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0.5) return luminance(c) < 0.2 ? 'dark' : 'light';
  }
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Calls `changed` when the page may have switched theme (class/style on html or body, OS setting). */
export function onThemeSignal(doc: Document, changed: () => void): () => void {
  const win = doc.defaultView!;
  const obs = new win.MutationObserver(changed);
  const opts = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-mode'] };
  obs.observe(doc.documentElement, opts);
  if (doc.body) obs.observe(doc.body, opts);
  const mq = win.matchMedia?.('(prefers-color-scheme: dark)');
  mq?.addEventListener?.('change', changed);
  return () => {
    obs.disconnect();
    mq?.removeEventListener?.('change', changed);
  };
}
