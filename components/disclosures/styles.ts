/** The directory page: a wide comparison table, then one section per vendor. */
export const DIRECTORY_CSS = `
main { max-width: 72rem; margin: 0 auto; padding: 16px 20px 48px; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--bta-border, #d1d9e0); padding: 4px 6px; text-align: left; vertical-align: top; font-size: 13px; }
table.compare { width: 100%; }
table.compare thead th { font-weight: 600; }
caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
.vendor { border-top: 2px solid var(--bta-border, #d1d9e0); margin-top: 24px; }
.topic h3 { margin: 12px 0 4px; font-size: 15px; }
.statements, .sources { margin: 2px 0; padding-left: 20px; }
.sources { font-size: 12px; }
.muted, .scope { color: var(--bta-muted, #59636e); }
.chip { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 999px; border: 1px solid currentColor; margin-left: 4px; font-weight: 500; }
.chip-partly { border-style: dashed; }
.chip-not-disclosed { border-style: dotted; color: var(--bta-muted, #59636e); }
.copy { margin-left: 4px; font-size: 12px; }
.copy button { font-size: 12px; }
`;
