import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { shippedMatcherText } from './rules/node/shipped-matcher';
import { SHIPPED_MATCHER_PATH } from './rules/shipped-matcher';

/** The packs compiled by this build's build:before hook, for its build:publicAssets hook. */
let compiledPacks: string | undefined;

// See docs/permissions.md for why each permission is (or is not) requested.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The packs are read from disk, checked with the same parser as the tests and the scanner,
    // and compiled: a broken pack fails the build with its file, rule, line and column instead of
    // shipping a matcher that throws at run time.
    'build:before': () => {
      compiledPacks = shippedMatcherText();
    },
    // They ship compiled: the background reads this file rather than compiling them each time
    // its service worker wakes up (rules/shipped-matcher.ts). A rebuild in `npm run dev` that did
    // not start with build:before compiles them again here; editing only a pack triggers no
    // rebuild (no bundle imports the packs), so restart `npm run dev` after editing one.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: SHIPPED_MATCHER_PATH.slice(1), contents: compiledPacks ?? shippedMatcherText() });
      compiledPacks = undefined;
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // No API permissions: settings and the alert log live in the extension's own IndexedDB,
    // which needs none (docs/permissions.md).
    permissions: [],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'heads-up@heads-up.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
