/** The popup: a narrow column, fixed width so the browser does not size it to content. */
export const POPUP_CSS = `
body { width: 360px; }
.popup { padding: 12px 14px; }
.counts { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; margin: 0; }
.count { border: 1px solid var(--bta-border); border-radius: 6px; padding: 4px 8px; background: var(--bta-bg-2); }
.count dt { color: var(--bta-muted); font-size: 12px; }
.count dd { margin: 0; font-size: 18px; font-weight: 600; }
.count.rejected dd { color: var(--bta-error); }
.sync p { margin: 2px 0; }
.layouts { margin: 4px 0 0; padding-left: 18px; }
.layouts li { margin-bottom: 4px; }
.url { overflow-wrap: anywhere; }
.footer { border-top: 1px solid var(--bta-border); margin-top: 12px; padding-top: 8px; }
`;
