import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const mistral: SiteAdapter = {
  id: 'mistral',
  name: 'Le Chat',
  vendor: 'mistral',
  hosts: ['chat.mistral.ai'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
