import type { SiteAdapter } from './types';

/**
 * Gemini (Angular custom elements, stable since 2025). Labels are localised (the
 * fixture is Japanese), so nothing here keys on aria-label text except as a last resort.
 * Expanded thinking renders a second `message-content` inside `model-thoughts` before
 * the answer's own. Deep Research reports live outside the turn, in a side panel: not
 * covered. Gemini Enterprise (business.gemini.google) renders in shadow DOM: not covered.
 */
export const gemini: SiteAdapter = {
  id: 'gemini',
  name: 'Gemini',
  vendor: 'google',
  hosts: ['gemini.google.com'],
  // /app/<id>, /gem/<gem>/<id>, either behind an account prefix /u/<n>.
  conversationId: /^(?:\/u\/\d+)?\/(?:app|gem\/[^/]+)\/([^/?#]+)/,
  selectors: {
    answer: ['model-response', '[aria-label="Gemini response"]'],
    body: ['.markdown.markdown-main-panel', 'message-content'],
    prompt: ['user-query', '.user-query-bubble-with-background'],
    // The whole query, not its first `.query-text-line`; its hidden "You said" prefix is junk already.
    promptBody: ['.query-text', '.user-query-bubble-with-background'],
    strip: ['model-thoughts', '.thoughts-container', 'sources-list', 'message-actions'],
    turn: '.conversation-container',
    streaming: [
      // The answer's body is id'd after the response; thoughts have their own body, finished earlier.
      { selector: '[id^="model-response-message-content"][aria-busy]', attr: 'aria-busy', done: ['false'] },
      { selector: '.markdown-main-panel[aria-busy]', attr: 'aria-busy', done: ['false'] },
    ],
    generating: [
      'mat-icon[fonticon="stop"]',
      '[id^="model-response-message-content"][aria-busy="true"]',
      'button[aria-label="Stop response"]',
    ],
    // Only the footer element: the 2026 buttons are named by localised labels alone.
    actionBar: ['message-actions', '[data-test-id="copy-button"]', 'mat-icon[fonticon="thumb_up"]'],
    key: [
      // Turn id = response id without its "r_" (16 hex), stable across reloads.
      { selector: '.conversation-container[id]', attr: 'id', where: 'closest' },
      { selector: '[id^="model-response-message-content"]', attr: 'id', where: 'inside' },
    ],
    model: [
      // The picker names a tier ("Flash", "Pro", "高速モード"), not a model.
      { selector: '[data-test-id="logo-pill-label-container"]', kind: 'mode' },
      { selector: '.input-area-switch-label', kind: 'mode' },
      {
        selector: '[data-test-id="bard-mode-menu-button"]',
        attr: 'aria-label',
        pattern: /currently\s+(.+)$/i,
        kind: 'mode',
      },
    ],
  },
};
