import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const huggingchat: SiteAdapter = {
  id: 'huggingchat',
  name: 'HuggingChat',
  vendor: 'huggingface',
  hosts: ['huggingface.co'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
