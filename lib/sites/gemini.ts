import type { SiteAdapter } from './types';

// Placeholder, being written: selectors still to come.
export const gemini: SiteAdapter = {
  id: 'gemini',
  name: 'Gemini',
  vendor: 'google',
  hosts: ['gemini.google.com'],
  conversationId: /^\/c\/([^/?#]+)/,
  selectors: { answer: [], body: [], prompt: [] },
};
