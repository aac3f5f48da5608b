import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const meta: SiteAdapter = {
  id: 'meta',
  name: 'Meta AI',
  vendor: 'meta',
  hosts: ['www.meta.ai'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
