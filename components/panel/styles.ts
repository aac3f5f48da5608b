/**
 * The panel's styles, inside its shadow root so neither side leaks into the other.
 * `:host` resets what the page could inherit into us (font, colour, line height).
 */
export const PANEL_CSS = `
:host {
  all: initial;
  display: block;
  margin: 6px 0 10px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color-scheme: light;
  --bta-fg: #1f2328;
  --bta-muted: #59636e;
  --bta-bg: #f6f8fa;
  --bta-border: #d1d9e0;
  /* Text fields are found by their outline alone: 3:1 against the background (WCAG 1.4.11). */
  --bta-field-border: #818b98;
  --bta-accent: #6e40c9;
  --bta-accent-fg: #ffffff;
  --bta-ok: #1a7f37;
  --bta-error: #cf222e;
  --bta-focus: #0969da;
}
:host([data-theme="dark"]) {
  color-scheme: dark;
  --bta-fg: #e6edf3;
  --bta-muted: #9198a1;
  --bta-bg: #1b1f24;
  --bta-border: #3d444d;
  --bta-field-border: #768390;
  --bta-accent: #a371f7;
  --bta-accent-fg: #0d1117;
  --bta-ok: #3fb950;
  --bta-error: #ff7b72;
  --bta-focus: #4493f8;
}
* { box-sizing: border-box; }
.panel {
  color: var(--bta-fg);
  background: var(--bta-bg);
  border: 1px solid var(--bta-border);
  border-left: 3px solid var(--bta-accent);
  border-radius: 8px;
  padding: 6px 8px;
  max-width: 48rem;
}
/* Until a panel far down a long conversation is drawn: about the height of its bar. */
.placeholder { min-height: 36px; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.brand { display: inline-flex; align-items: center; gap: 4px; font-weight: 600; color: var(--bta-accent); margin-right: 4px; }
.brand svg { width: 14px; height: 14px; }
button {
  font: inherit;
  color: var(--bta-fg);
  background: transparent;
  border: 1px solid var(--bta-border);
  border-radius: 6px;
  padding: 2px 8px;
  min-height: 26px;
  cursor: pointer;
}
button .icon { width: 13px; height: 13px; vertical-align: -2px; margin-right: 4px; }
button:hover { border-color: var(--bta-accent); }
button[aria-pressed="true"] { background: var(--bta-accent); color: var(--bta-accent-fg); border-color: var(--bta-accent); }
button.primary { background: var(--bta-accent); color: var(--bta-accent-fg); border-color: var(--bta-accent); }
button:disabled { opacity: .6; cursor: progress; }
:focus-visible { outline: 2px solid var(--bta-focus); outline-offset: 2px; }
/* Whoever asks for less motion gets none, whatever is added later. */
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
}
.status { color: var(--bta-muted); margin-left: auto; }
.status.ok { color: var(--bta-ok); }
.status.error, .error { color: var(--bta-error); }
form { margin-top: 8px; display: grid; gap: 8px; }
fieldset { border: 0; padding: 0; margin: 0; }
legend { font-weight: 600; margin-bottom: 4px; padding: 0; }
.cats { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 2px 12px; }
.cats label { display: flex; gap: 6px; align-items: baseline; }
label.field { display: grid; gap: 2px; font-weight: 600; }
textarea {
  font: inherit;
  font-weight: normal;
  color: var(--bta-fg);
  background: transparent;
  border: 1px solid var(--bta-field-border);
  border-radius: 6px;
  padding: 4px 6px;
  min-height: 3.2em;
  resize: vertical;
}
.actions { display: flex; gap: 6px; align-items: center; }
details { border-top: 1px dashed var(--bta-border); padding-top: 6px; }
summary { cursor: pointer; color: var(--bta-muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0 0; }
dt { color: var(--bta-muted); }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 8em; overflow: auto; }
.hint { color: var(--bta-muted); font-size: 12px; }
.floating {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483647;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); width: min(30rem, calc(100vw - 32px));
}
.policy { margin: 4px 0 0; color: var(--bta-muted); font-size: 12px; }
.disclosure { margin-top: 4px; }
button.badge { border-style: dashed; font-size: 12px; text-align: left; }
button.link { border: 0; padding: 0; min-height: 0; color: var(--bta-accent); text-decoration: underline; }
.disclosure-body { margin-top: 6px; border-top: 1px dashed var(--bta-border); padding-top: 6px; max-height: 28rem; overflow: auto; }
.disclosure-body h5 { margin: 8px 0 2px; font-size: 13px; }
.chip { display: inline-block; font-size: 11px; font-weight: 500; padding: 0 6px; border-radius: 999px; border: 1px solid var(--bta-border); color: var(--bta-fg); margin-left: 4px; }
.chip-disclosed { border-style: solid; }
.chip-partly { border-style: dashed; }
.chip-not-disclosed { border-style: dotted; color: var(--bta-muted); }
.statements, .sources { margin: 2px 0; padding-left: 18px; }
.sources { font-size: 12px; }
.scope, .muted { color: var(--bta-muted); }
a { color: var(--bta-accent); }
`;
