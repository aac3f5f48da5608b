import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Where an endpoint may live: any https origin, or a collector on this machine. */
const ENDPOINT_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: retry delivery after the service worker sleeps. The endpoint's origin is asked
    // for when the user saves it (optional), so no chatbot or endpoint host is granted up front.
    permissions: ['storage', 'alarms'],
    // MV2 (Firefox) lists optional origins among optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ENDPOINT_ORIGINS }
      : { optional_host_permissions: ENDPOINT_ORIGINS }),
    // Enterprise policy (Chrome managed storage): see docs/team.md.
    storage: { managed_schema: 'managed_schema.json' },
    commands: {
      'flag-latest': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_cmd_flagLatest__',
      },
    },
    browser_specific_settings: {
      gecko: { id: 'behind-the-answer@behindtheanswer.org' },
    },
  }),
});
