import type { SiteAdapter } from './types';

/**
 * Grok (grok.com). Every message is a `div#response-<uuid>` row; the row's alignment class is
 * the only author signal in the 2026-03 layout (`items-start` = Grok, `items-end` = user), so
 * the newer `data-testid` bubbles (reported, not yet captured) are tried first.
 * x.com/i/grok is a different React-Native-Web DOM and is not covered.
 */
export const grok: SiteAdapter = {
  id: 'grok',
  name: 'Grok',
  vendor: 'xai',
  hosts: ['grok.com'],
  conversationId: /^\/c\/([0-9a-f-]{8,})/i,
  selectors: {
    answer: [
      '[data-testid="assistant-message"]',
      'div[id^="response-"].items-start .message-bubble',
    ],
    body: ['.response-content-markdown'],
    prompt: ['[data-testid="user-message"]', 'div[id^="response-"].items-end .message-bubble'],
    promptBody: ['.response-content-markdown'],
    // "Thought for 1m 6s" sits in the bubble; newer builds reportedly put the thoughts there too.
    // Code blocks carry a language label in their header ("Python"): chrome, not answer text.
    strip: ['.thinking-container', '[data-testid="code-block"] span.select-none'],
    // The action bar is a sibling of the bubble, inside the response row.
    turn: 'div[id^="response-"]',
    generating: ['button[aria-label*="Stop"]'],
    actionBar: ['.action-buttons button[aria-label="Copy"]', '.action-buttons button[aria-label="Regenerate"]', '.action-buttons button'],
    key: [{ selector: 'div[id^="response-"]', attr: 'id', where: 'closest' }],
    // The picker names an effort tier (Auto / Fast / Expert / Heavy), not a model.
    model: [{ selector: '#model-select-trigger', kind: 'mode' }],
  },
};
