import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { GECKO_ID } from './utils/extension-id';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The content script, loaded on every page, uses only promise APIs both browsers have natively
    // (runtime messages, storage): it goes without the polyfill, 2.6 kB gzipped less on each page.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (alias && !Array.isArray(alias)) delete (alias as Record<string, string>)['wxt/browser'];
    },
  },
  vite: () => ({ plugins: [preact()] }),
  // The sources zip (for store review) holds the project, not what its runs write.
  zip: { excludeSources: ['demo-output/**', 'test-output/**', 'bench-output/**', '.ci/**'] },
  manifest: ({ browser }) => ({
    name: 'Citecheck',
    description: "See, claim by claim, whether an article's cited sources say what it attributes to them.",
    // scripting: the hover card's code is run in a tab only when the reader first opens a card.
    // Refusing a source's hop to an address its page may not reach before it is requested
    // (utils/sources/request-guard.ts): Chrome's session rules, without an install warning of
    // their own, and Firefox's blocking listener on the extension's requests outside tabs, with
    // its resolver ("dns", no install warning either) to see where a public name points.
    permissions: [
      'storage',
      'tabs',
      'scripting',
      ...(browser === 'firefox' ? ['webRequest', 'webRequestBlocking', 'dns'] : ['offscreen', 'declarativeNetRequestWithHostAccess']),
    ],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Citecheck' },
    // Extension pages (the reader view shows cited sources) run only their own scripts and load
    // no images, plugins, frames, fonts or media from anywhere. pdf.js keeps its WebAssembly.
    content_security_policy: {
      extension_pages:
        "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; img-src 'self' data:; media-src 'none'; frame-src 'none'; font-src 'self'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? {
          // Firefox's on-device ML for the optional judge, asked for only when the reader picks it.
          optional_permissions: ['trialML'],
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
