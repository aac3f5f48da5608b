import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const qwen: SiteAdapter = {
  id: 'qwen',
  name: 'Qwen',
  vendor: 'alibaba',
  hosts: ['chat.qwen.ai'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
