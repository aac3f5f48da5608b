import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const claude: SiteAdapter = {
  id: 'claude',
  name: 'Claude',
  vendor: 'anthropic',
  hosts: ['claude.ai'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
