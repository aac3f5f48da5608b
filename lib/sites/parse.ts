/**
 * Reads answers out of a chatbot page with a site's selector data. Pure DOM: takes a
 * Document (or any ParentNode), so it runs the same on a live page, in happy-dom,
 * and on a captured fixture.
 */
import { readText } from './text';
import type { AnswerInfo, Chain, SiteAdapter } from './types';

/** The first selector of `chain` that matches anything under `root`, or null. */
export function resolveChain(root: ParentNode, chain: Chain): string | null {
  for (const sel of chain) if (root.querySelector(sel)) return sel;
  return null;
}

/** The first element matching the chain inside `root` (first selector that matches wins). */
export function firstInChain(root: ParentNode, chain: Chain): Element | null {
  for (const sel of chain) {
    const el = root.querySelector(sel);
    if (el) return el;
  }
  return null;
}

/** Answers in document order, using the first answer selector that matches. */
export function findAnswers(root: ParentNode, site: SiteAdapter): Element[] {
  const sel = resolveChain(root, site.selectors.answer);
  return sel ? [...root.querySelectorAll(sel)] : [];
}

export function findPrompts(root: ParentNode, site: SiteAdapter): Element[] {
  const sel = resolveChain(root, site.selectors.prompt);
  return sel ? [...root.querySelectorAll(sel)] : [];
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, not a global in every test environment

/** The last of `prompts` (document order) that comes before `answer`; binary search. */
export function promptBefore(prompts: readonly Element[], answer: Element): Element | null {
  let lo = 0;
  let hi = prompts.length - 1;
  let found: Element | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = prompts[mid]!;
    // A prompt that contains the answer (never expected) counts as "before".
    if (p.compareDocumentPosition(answer) & FOLLOWING) {
      found = p;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Answer body: the narrowest element holding the text, not inside a stripped part. */
export function answerBody(answer: Element, site: SiteAdapter): Element {
  const strip = site.selectors.strip?.join(',');
  for (const sel of site.selectors.body) {
    for (const el of answer.querySelectorAll(sel)) {
      if (!strip || !insideStripped(el, answer, strip)) return el;
    }
  }
  return answer;
}

function insideStripped(el: Element, root: Element, strip: string): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (e.matches(strip)) return true;
  return false;
}

export function answerText(answer: Element, site: SiteAdapter): string {
  let text = readText(answerBody(answer, site), site.selectors.strip?.join(','), site.selectors.mathImage);
  if (site.cleanText) text = site.cleanText(text);
  return text || imageText(answer);
}

/** An answer that is only pictures is described by their alt texts, so a report is never blank. */
function imageText(answer: Element): string {
  const alts = new Set<string>();
  for (const img of answer.querySelectorAll('img[alt]')) {
    const alt = img.getAttribute('alt')!.trim();
    if (alt) alts.add(`[image: ${alt}]`);
  }
  return [...alts].join('\n');
}

export function promptText(prompt: Element, site: SiteAdapter): string {
  const body = (site.selectors.promptBody && firstInChain(prompt, site.selectors.promptBody)) || prompt;
  return readText(body, site.selectors.strip?.join(','));
}

/** The site's stable id for this answer, or null when the page shows none. */
export function answerId(answer: Element, site: SiteAdapter): string | null {
  for (const k of site.selectors.key ?? []) {
    let el: Element | null = null;
    if (k.where === 'self') el = answer.matches(k.selector) ? answer : null;
    else if (k.where === 'closest') el = answer.closest(k.selector);
    else el = answer.querySelector(k.selector);
    const v = el?.getAttribute(k.attr)?.trim();
    if (v) return v;
  }
  return null;
}

/** 53-bit FNV-1a-style hash (two 32-bit lanes), base36: short, stable, good enough for keys. */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h2 >>> 11) * 0x100000000 + (h1 >>> 0)).toString(36);
}

export function conversationIdOf(site: SiteAdapter, url: URL | Location): string | null {
  return site.conversationId.exec(url.pathname)?.[1] ?? null;
}

/**
 * The key that survives re-render and virtualised re-mount: the site's own message id
 * when it has one; otherwise a hash of the prompt and the answer's opening text.
 */
export function answerKey(
  answer: Element,
  site: SiteAdapter,
  conversationId: string | null,
  prompt: string | null,
  text: string,
): string {
  const id = answerId(answer, site);
  const local = id ? `id-${id}` : `h-${hashText(`${prompt ?? ''}\u0000${text.slice(0, 2000)}`)}`;
  return `${site.id}:${conversationId ?? 'new'}:${local}`.replace(/\s+/g, '_');
}

/** Model and mode shown for this answer: per-answer sources first, then the page's picker. */
export function modelOf(answer: Element, root: ParentNode, site: SiteAdapter) {
  let model: string | null = null;
  let mode: string | null = null;
  for (const src of site.selectors.model ?? []) {
    if ((src.kind === 'model' && model) || (src.kind === 'mode' && mode)) continue;
    const scope: ParentNode = src.scope === 'answer' ? answer : root;
    const el =
      src.scope === 'answer' && answer.matches(src.selector) ? answer : scope.querySelector(src.selector);
    if (!el) continue;
    let v = (src.attr ? el.getAttribute(src.attr) : readText(el)) ?? '';
    if (src.pattern) v = src.pattern.exec(v)?.[1] ?? '';
    v = v.replace(/\s+/g, ' ').trim();
    if (!v) continue;
    if (src.kind === 'model') model = v;
    else mode = v;
  }
  return { model, mode };
}

/** Everything the report needs about one answer. */
export function describeAnswer(
  answer: Element,
  site: SiteAdapter,
  root: ParentNode,
  url: URL | Location,
  prompts: readonly Element[] = findPrompts(root, site),
): AnswerInfo {
  const conversationId = conversationIdOf(site, url);
  const p = promptBefore(prompts, answer);
  const prompt = p ? promptText(p, site) : null;
  const text = answerText(answer, site);
  return {
    key: answerKey(answer, site, conversationId, prompt, text),
    text,
    prompt,
    ...modelOf(answer, root, site),
    conversationId,
    site: site.id,
    vendor: site.vendor,
  };
}

/**
 * Every answer on a page, keys made unique in document order (two identical
 * prompt+answer pairs in one conversation get "#2"), as the watcher does.
 */
export function parsePage(root: ParentNode, site: SiteAdapter, url: URL | Location): AnswerInfo[] {
  const prompts = findPrompts(root, site);
  const seen = new Map<string, number>();
  return findAnswers(root, site).map((a) => {
    const info = describeAnswer(a, site, root, url, prompts);
    const n = (seen.get(info.key) ?? 0) + 1;
    seen.set(info.key, n);
    return n > 1 ? { ...info, key: `${info.key}#${n}` } : info;
  });
}
