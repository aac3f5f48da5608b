/** The options page: a readable column for the form, full width for the outbox table. */
export const OPTIONS_CSS = `
body { background: var(--bta-bg-2); }
.options { max-width: 72rem; margin: 0 auto; padding: 16px 20px 40px; }
.options > h1 { font-size: 20px; }
.card {
  background: var(--bta-bg);
  border: 1px solid var(--bta-border);
  border-radius: 10px;
  padding: 4px 16px 14px;
  margin-top: 16px;
}
.card > h2 { font-size: 16px; }
form { display: grid; gap: 12px; max-width: 40rem; }
.field { display: grid; gap: 3px; }
.field label { font-weight: 600; }
.field input { width: 100%; }
.inline { display: flex; gap: 6px; }
.inline input { flex: 1; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
fieldset { border: 0; padding: 0; margin: 0; }
legend { font-weight: 600; padding: 0; margin-bottom: 4px; }
.field-error { font-size: 12px; }
.note { min-height: 1.4em; margin: 0; }
.note:empty { min-height: 0; }
.note.ok { color: var(--bta-ok); }
.note.error { color: var(--bta-error); }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 8px; }
.toolbar label { font-weight: 600; }
.spacer { flex: 1; }
table.reports { width: 100%; border-collapse: collapse; }
.reports th, .reports td { text-align: left; vertical-align: top; padding: 6px 8px; border-top: 1px solid var(--bta-border); }
.reports th { color: var(--bta-muted); font-weight: 600; font-size: 12px; }
.reports td.answer { max-width: 28rem; overflow-wrap: anywhere; }
.reports .reason { color: var(--bta-error); }
.reports .state-rejected td:nth-child(6) { color: var(--bta-error); }
.row-actions { white-space: nowrap; }
.row-actions button + button { margin-left: 4px; }
.reports tr.details td { border-top: 0; background: var(--bta-bg-2); }
dl.report { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
dl.report div { display: contents; }
dl.report dt { color: var(--bta-muted); }
dl.report dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 16em; overflow: auto; }
@media (max-width: 40rem) { .pair { grid-template-columns: 1fr; } }
`;
