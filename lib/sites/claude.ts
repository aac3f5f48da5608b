import type { SiteAdapter } from './types';

/**
 * Claude. Three generations: 2026-10 "hub" (`[data-testid="assistant-message"]`, which
 * also carries data-is-streaming, no `.font-claude-response`), ≤2026-09
 * (`[data-is-streaming]` wrapper › `.font-claude-response`), 2025 (`.font-claude-message`).
 * One answer can hold several text blocks around tool steps ("Created a file"), a
 * research card and artifact cards, so the body is the whole answer and the chrome is
 * stripped rather than picking one `.standard-markdown` (which may be the thinking).
 */
export const claude: SiteAdapter = {
  id: 'claude',
  name: 'Claude',
  vendor: 'anthropic',
  hosts: ['claude.ai'],
  conversationId: /^\/(?:chat|share)\/([0-9a-f-]{36})/i,
  selectors: {
    answer: [
      '[data-testid="assistant-message"]',
      '[data-is-streaming]',
      '.font-claude-response',
      '.font-claude-message',
    ],
    body: ['.font-claude-response', '.font-claude-message'],
    prompt: ['[data-testid="user-message"]'],
    strip: [
      // Thinking and tool steps: the grid's first row. The reply's own wrapper is a
      // `.row-start-1` too, but nested inside `.row-start-2`.
      ':not(.row-start-2) > .row-start-1',
      '[class~="group/thinking"]',
      // Hub layout: thinking/tool status lines and the actions toolbar (its <time> is text).
      '[data-cds="TurnStatus"]',
      '[data-cds="MessageActions"]',
      '[data-testid="message-actions"]',
    ],
    turn: '[data-testid="transcript-row"], [data-index], [data-test-render-count]',
    streaming: [{ selector: '[data-is-streaming]', attr: 'data-is-streaming', done: ['false'] }],
    generating: ['button[aria-label="Stop response"]', '[data-is-streaming="true"]'],
    actionBar: ['[data-testid="action-bar-copy"]', '[data-testid="message-actions"]'],
    key: [
      // Hub: per-reply turn key; virtualised list (2026-07+): the row's index in the transcript.
      { selector: '[data-turn-key]', attr: 'data-turn-key', where: 'self' },
      { selector: '[data-index]', attr: 'data-index', where: 'closest' },
    ],
    model: [{ selector: '[data-testid="model-selector-dropdown"]', kind: 'model' }],
  },
};
