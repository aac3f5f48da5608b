import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const perplexity: SiteAdapter = {
  id: 'perplexity',
  name: 'Perplexity',
  vendor: 'perplexity',
  hosts: ['www.perplexity.ai'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
