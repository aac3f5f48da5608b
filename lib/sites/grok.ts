import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const grok: SiteAdapter = {
  id: 'grok',
  name: 'Grok',
  vendor: 'xai',
  hosts: ['grok.com'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
