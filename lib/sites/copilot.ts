import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const copilot: SiteAdapter = {
  id: 'copilot',
  name: 'Copilot',
  vendor: 'microsoft',
  hosts: ['copilot.microsoft.com'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
