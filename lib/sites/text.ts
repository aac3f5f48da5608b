/**
 * Reads the text a person sees in an answer, without the junk pages and other
 * extensions hide in it: screen-reader labels, buttons, KaTeX's triple copy of every
 * formula, our own panels. Walks the live tree (no cloning, no layout) so it is
 * cheap on long answers and works in happy-dom as in a browser.
 */

/** Never part of an answer's text, on any site. */
export const COMMON_JUNK = [
  'button',
  '[role="button"]',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'img',
  '[hidden]',
  '.sr-only',
  '[class*="visually-hidden"]',
  '[data-behind-the-answer]',
  // Other extensions seen injecting into answers (fixtures: QuillBot; defuddle: SaveAI).
  '[data-quillbot-humanize-button]',
  '[data-quillbot-improve-prompt-button]',
  '[data-saveai-injected]',
].join(',');

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);
const CELL = new Set(['TD', 'TH']);
/** ARIA grids (Le Chat's tables) read like tables. */
const ROLE_BLOCK = new Set(['row', 'rowgroup', 'table', 'grid']);
const ROLE_CELL = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
/** A sortable column's name sits inside a button: that button is the header's text. */
const HEADER = 'th, [role="columnheader"]';
const BUTTONS = 'button, [role="button"]';

/**
 * TeX source of a KaTeX node, or null when it carries none. Gemini renders without the
 * MathML annotation and keeps the source on a `data-math` wrapper instead.
 */
function katexSource(el: Element): string | null {
  const ann = el.querySelector('annotation[encoding="application/x-tex"]');
  const tex = (ann?.textContent ?? el.closest('[data-math]')?.getAttribute('data-math'))?.trim();
  return tex ? tex : null;
}

/**
 * Visible text of `root`, with block boundaries as line breaks and runs of spaces
 * collapsed (except inside <pre>). `strip` adds site-specific subtrees to skip;
 * `mathImage` matches formulas rendered as pictures whose alt text is the TeX.
 */
export function readText(root: Element, strip?: string, mathImage?: string): string {
  const skip = strip ? `${COMMON_JUNK},${strip}` : COMMON_JUNK;
  const out: string[] = [];
  let pre = 0;

  const newline = () => {
    if (out.length && !out[out.length - 1]!.endsWith('\n')) out.push('\n');
  };

  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      if (pre) {
        out.push(t);
        return;
      }
      let c = t.replace(/\s+/g, ' ');
      const last = out[out.length - 1];
      if (last === undefined || last.endsWith('\n') || last.endsWith(' ')) c = c.replace(/^ /, '');
      if (c) out.push(c);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (mathImage && el.matches(mathImage)) {
      const tex = el.getAttribute('alt')?.trim();
      if (tex) out.push(`$${tex}$`);
      return;
    }
    if (el !== root && el.matches(skip) && !(el.matches(BUTTONS) && el.closest(HEADER))) return;
    if (el.classList.contains('katex-display') || el.classList.contains('katex')) {
      const tex = katexSource(el);
      if (tex !== null) {
        out.push(el.classList.contains('katex-display') ? `\n$$${tex}$$\n` : `$${tex}$`);
        return;
      }
    }
    if (el.classList.contains('katex-mathml')) return;
    const tag = el.tagName;
    const keepsSpace = tag === 'PRE' || el.classList.contains('whitespace-pre-wrap') || /white-space:\s*pre/.test(el.getAttribute('style') ?? '');
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    const role = el.getAttribute('role');
    const cell = CELL.has(tag) || (role !== null && ROLE_CELL.has(role));
    const block = !cell && (BLOCK.has(tag) || (role !== null && ROLE_BLOCK.has(role)));
    if (block) newline();
    if (keepsSpace) pre++;
    // A CSS-grid table has no row elements: its column count says where rows end.
    const cols = role === 'table' || role === 'grid' ? gridColumns(el) : 0;
    let cells = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      walk(c);
      if (cols && c.nodeType === 1 && ROLE_CELL.has((c as Element).getAttribute('role') ?? '') && ++cells % cols === 0) {
        out.push('\n');
      }
    }
    if (keepsSpace) pre--;
    if (cell) out.push('\t');
    if (block) newline();
  };

  walk(root);
  return tidy(out.join(''));
}

/** Columns of an ARIA grid laid out with an inline `grid-template-columns: repeat(N, …)`. */
function gridColumns(el: Element): number {
  const m = /grid-template-columns:\s*repeat\(\s*(\d+)/.exec(el.getAttribute('style') ?? '');
  return m ? Number(m[1]) : 0;
}

/** Drops trailing blanks on each line and folds blank runs to one blank line. */
function tidy(text: string): string {
  return text
    .replace(/ *\t */g, '\t')
    .replace(/\t+\n/g, '\n')
    // Zero-width spaces: sites put them between citation chips and words.
    .replace(/\u200b/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s+|\s+$/g, '');
}
