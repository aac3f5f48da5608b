import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: {
    name: 'Behind the Answer',
    description:
      'Rate and flag AI chatbot answers, send the reports to you or your team, and see the human work behind each answer.',
    permissions: ['storage'],
    commands: {
      'flag-latest': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Flag the latest answer on this chatbot page',
      },
    },
    browser_specific_settings: {
      gecko: { id: 'behind-the-answer@behindtheanswer.org' },
    },
  },
});
