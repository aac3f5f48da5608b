/**
 * Is an answer still being written? The pieces the watcher combines; pure DOM reads.
 */
import type { SiteAdapter } from './types';

export type Progress = 'writing' | 'done' | 'unknown';

/** The verdict of the site's per-answer streaming attribute, or 'unknown' where the answer has none. */
export function markerState(answer: Element, site: SiteAdapter): Progress {
  for (const m of site.selectors.streaming ?? []) {
    const el = answer.matches(m.selector)
      ? answer
      : (answer.closest(m.selector) ?? answer.querySelector(m.selector));
    const v = el?.getAttribute(m.attr);
    if (v == null) continue;
    return m.done.includes(v) ? 'done' : 'writing';
  }
  return 'unknown';
}

/** The site's global "generating" signal (a stop button and the like). */
export function isGenerating(root: ParentNode, site: SiteAdapter): boolean {
  const g = site.selectors.generating;
  return !!g?.length && root.querySelector(g.join(',')) !== null;
}

/** The copy/thumbs bar a site adds once an answer is complete, in the answer or its turn. */
export function hasActionBar(answer: Element, site: SiteAdapter): boolean {
  const bar = site.selectors.actionBar;
  if (!bar?.length) return false;
  const sel = bar.join(',');
  if (answer.querySelector(sel)) return true;
  const turn = site.selectors.turn ? answer.closest(site.selectors.turn) : null;
  return !!turn?.querySelector(sel);
}
