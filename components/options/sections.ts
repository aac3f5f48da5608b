/** Styles of the Privacy, Chatbots, Disclosure registry and Data sections. */
export const SECTIONS_CSS = `
label.check { display: grid; grid-template-columns: auto 1fr; column-gap: 8px; align-items: baseline; margin: 4px 0; }
label.check .hint { grid-column: 2; font-size: 12px; }
fieldset.sites { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0 16px; }
button.danger { color: var(--bta-error); border-color: var(--bta-error); }
`;
