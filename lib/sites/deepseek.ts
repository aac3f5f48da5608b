import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const deepseek: SiteAdapter = {
  id: 'deepseek',
  name: 'DeepSeek',
  vendor: 'deepseek',
  hosts: ['chat.deepseek.com'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
