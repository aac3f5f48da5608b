import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Where an endpoint may live: any https origin, or a collector on this machine. */
const ENDPOINT_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * What Firefox's built-in data consent shows at install (Firefox 140+; Android 142+).
 * Nothing leaves the browser until the person (or their team, or their organisation's policy)
 * sets an endpoint; from then on every report goes to that endpoint, and only there:
 * - `websiteContent`: the answer's text and the model name, as the chatbot page shows them;
 * - `personalCommunications`: the person's own words, i.e. the prompt they typed to the chatbot
 *   (off by default, switched on in the settings or by the team) and the comment and correction
 *   they write in the flag form;
 * - `browsingActivity`: the conversation's address (on by default, can be switched off).
 * They are `required`, not `optional`: delivering reports to the team's endpoint is the
 * extension's main purpose, and an `optional` data permission would have to be requested and
 * checked before every delivery (Firefox grants optional ones only on request), which the
 * extension does not do; the person's control is the endpoint setting and the per-field
 * privacy choices (docs/privacy.md). The disclosure-registry refresh fetches a public document
 * and sends nothing personal, so it needs no entry. Each batch also names the extension's
 * version and the browser it was built for (`client`, docs/endpoint.md); see the README.
 */
const DATA_COLLECTION = {
  required: ['websiteContent', 'personalCommunications', 'browsingActivity'],
} as const;

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Firefox's MV2 build: the background is an event page (unloaded when idle, woken by its
    // listeners and alarms), like the service worker of the MV3 builds, not a persistent page.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.manifest_version === 2 && manifest.background) manifest.background.persistent = false;
    },
  },
  zip: {
    // The sources zip for Mozilla's reviewers: exactly what `npm ci && npm run build:firefox`
    // needs to reproduce the Firefox build (tests, fixtures, bench and docs are not needed).
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'assets/**',
      'components/**',
      'entrypoints/**',
      'lib/**',
      'public/**',
    ],
  },
  vite: () => ({
    plugins: [preact()],
    // BTA_NOMINIFY=1: readable function names in CPU profiles of the built extension.
    build: { target: 'es2022', minify: process.env.BTA_NOMINIFY ? false : undefined },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: retry delivery after the service worker sleeps. The endpoint's origin is asked
    // for when the user saves it (optional), so no chatbot or endpoint host is granted up front.
    permissions: ['storage', 'alarms'],
    // The Firefox build is MV2 (see the README, "Firefox: why Manifest V2"), where optional
    // origins go among optional permissions: WXT drops optional_host_permissions from MV2.
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
    // Firefox only (Chrome and Edge list it as an unrecognised key).
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'behind-the-answer@behindtheanswer.org',
          // 140: the first Firefox (and ESR) with data_collection_permissions.
          strict_min_version: '140.0',
          data_collection_permissions: DATA_COLLECTION,
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
