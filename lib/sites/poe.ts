import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const poe: SiteAdapter = {
  id: 'poe',
  name: 'Poe',
  vendor: 'quora',
  hosts: ['poe.com'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
