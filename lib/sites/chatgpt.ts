import type { SiteAdapter } from './types';

/**
 * ChatGPT. Two layouts are live at once while OpenAI rolls changes out:
 * 2026-09+ `div[data-turn-key]` turns whose answer unit has an `h4[data-conversation-role]`
 * label and no author-role attributes; before that, `[data-message-author-role]` messages
 * inside `article`/`section` turns. One turn may hold two assistant messages around a
 * "Thought for Ns" step (research mode), each its own answer.
 */
export const chatgpt: SiteAdapter = {
  id: 'chatgpt',
  name: 'ChatGPT',
  vendor: 'openai',
  hosts: ['chatgpt.com', 'chat.openai.com'],
  conversationId: /^\/(?:share|c|g\/[a-z0-9-]+\/c)\/([a-z0-9-]+)/i,
  selectors: {
    answer: [
      // An image answer has no unit key of its own, only the label: anchor on the label's parent.
      ':has(> h4[data-conversation-role="assistant"])',
      '[data-message-author-role="assistant"]',
    ],
    body: ['[data-markdown-text-style="assistant-message"]', '.markdown.prose', '.markdown'],
    prompt: ['[data-user-message-bubble]', '[data-message-author-role="user"]'],
    promptBody: ['[style*="pre-wrap"]', '.whitespace-pre-wrap'],
    strip: ['[data-conversation-role]'],
    turn: '[data-turn-key], [data-testid^="conversation-turn-"], [data-turn-id]',
    generating: ['button[data-testid="stop-button"]', '[data-writing-block]', '.result-streaming'],
    actionBar: [
      'button[data-testid="copy-turn-action-button"]',
      'button[data-testid="good-response-turn-action-button"]',
      // 2026-09: the buttons are only named by (localised) labels.
      'button[aria-label="Copy response"]',
    ],
    key: [
      { selector: '[data-message-id]', attr: 'data-message-id', where: 'self' },
      { selector: '[data-chatgpt-selection-message-id]', attr: 'data-chatgpt-selection-message-id', where: 'inside' },
      { selector: '[data-chatgpt-search-message-ids]', attr: 'data-chatgpt-search-message-ids', where: 'inside' },
      { selector: '[data-turn-key]', attr: 'data-turn-key', where: 'closest' },
    ],
    model: [
      { selector: '[data-message-model-slug]', attr: 'data-message-model-slug', kind: 'model', scope: 'answer' },
      {
        selector: '[data-testid="model-switcher-dropdown-button"]',
        attr: 'aria-label',
        pattern: /(?:model is|模型为)\s*(.+)$/i,
        kind: 'model',
      },
    ],
  },
};
