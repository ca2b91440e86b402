import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { shippedMatcherFile } from './rules/bundled';
import { formatError } from './rules/engine';
import { compileFromDisk } from './rules/node/load-packs';
import { SHIPPED_MATCHER_PATH } from './rules/shipped-matcher';

// See docs/permissions.md for why each permission is (or is not) requested.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The same parser as the tests and the options editor: a broken pack fails the build with
    // its file, rule, line and column instead of shipping a matcher that throws at run time.
    'build:before': () => {
      const { errors } = compileFromDisk();
      if (errors.length > 0) throw new Error(`Rule packs have errors:\n${errors.map(formatError).join('\n')}`);
    },
    // The packs ship compiled: the background reads this file rather than compiling them each
    // time its service worker wakes up (rules/shipped-matcher.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: SHIPPED_MATCHER_PATH.slice(1), contents: shippedMatcherFile() });
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
