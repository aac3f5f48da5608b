/**
 * Styles shared by the popup and the options page: the panel's palette, so the
 * extension looks like one thing. These pages are ours, so the OS setting decides
 * light or dark (there is no page behind us to read, unlike the panel).
 */
export const PAGE_CSS = `
:root {
  color-scheme: light dark;
  --bta-fg: #1f2328;
  --bta-muted: #59636e;
  --bta-bg: #ffffff;
  --bta-bg-2: #f6f8fa;
  --bta-border: #d1d9e0;
  /* Text fields are found by their outline alone: 3:1 against the background (WCAG 1.4.11). */
  --bta-field-border: #818b98;
  --bta-accent: #6e40c9;
  --bta-accent-fg: #ffffff;
  --bta-ok: #1a7f37;
  --bta-warn-bg: #fff8c5;
  --bta-warn-border: #d4a72c;
  --bta-error: #cf222e;
  --bta-error-bg: #ffebe9;
  --bta-focus: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bta-fg: #e6edf3;
    --bta-muted: #9198a1;
    --bta-bg: #0d1117;
    --bta-bg-2: #1b1f24;
    --bta-border: #3d444d;
    --bta-field-border: #768390;
    --bta-accent: #a371f7;
    --bta-accent-fg: #0d1117;
    --bta-ok: #3fb950;
    --bta-warn-bg: #2e2a1a;
    --bta-warn-border: #9e6a03;
    --bta-error: #ff7b72;
    --bta-error-bg: #2d1517;
    --bta-focus: #4493f8;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--bta-fg);
  background: var(--bta-bg);
}
h1 { font-size: 16px; margin: 0 0 8px; color: var(--bta-accent); display: flex; align-items: center; gap: 6px; }
h1 svg { width: 16px; height: 16px; }
h2 { font-size: 13px; margin: 14px 0 6px; }
p { margin: 4px 0; }
button, .button {
  font: inherit;
  color: var(--bta-fg);
  background: transparent;
  border: 1px solid var(--bta-border);
  border-radius: 6px;
  padding: 3px 10px;
  min-height: 28px;
  cursor: pointer;
  text-decoration: none;
  display: inline-flex;
  align-items: center;
}
button:hover, .button:hover { border-color: var(--bta-accent); }
button.primary { background: var(--bta-accent); color: var(--bta-accent-fg); border-color: var(--bta-accent); }
button.danger { color: var(--bta-error); border-color: var(--bta-error); }
button:disabled { opacity: .6; cursor: default; }
button[aria-busy="true"] { cursor: progress; }
:focus-visible { outline: 2px solid var(--bta-focus); outline-offset: 2px; }
/* Whoever asks for less motion gets none, whatever is added later. */
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
}
input, select, textarea {
  font: inherit;
  color: var(--bta-fg);
  background: var(--bta-bg);
  border: 1px solid var(--bta-field-border);
  border-radius: 6px;
  padding: 4px 6px;
  min-height: 28px;
}
input[aria-invalid="true"] { border-color: var(--bta-error); }
.muted, .hint { color: var(--bta-muted); }
.hint { font-size: 12px; }
.ok { color: var(--bta-ok); }
.error { color: var(--bta-error); }
.notice {
  border: 1px solid var(--bta-warn-border);
  background: var(--bta-warn-bg);
  border-radius: 8px;
  padding: 8px 10px;
  margin: 8px 0;
}
.notice.bad { border-color: var(--bta-error); background: var(--bta-error-bg); }
.notice h2 { margin-top: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 8px; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
`;

/** The same mark as the panel's, so people recognise it in the toolbar and the page. */
export function Mark() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="2" />
      <circle cx="8" cy="8" r="2.5" fill="currentColor" />
    </svg>
  );
}

/** Puts a stylesheet into an extension page (as text: nothing here is markup). */
export function addStyles(doc: Document, ...css: string[]): void {
  const style = doc.createElement('style');
  style.textContent = css.join('\n');
  doc.head.append(style);
}
