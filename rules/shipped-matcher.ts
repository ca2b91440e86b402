/**
 * Where the extension package holds the shipped packs, compiled and encoded (engine/wire.ts). The
 * build writes the file (wxt.config.ts, from shippedMatcherText in rules/node/) and the
 * background reads it for each chat page's `get-matcher`. Compiling in the background instead
 * cost 0.8-0.9 s of its CPU, here, each time the service worker woke up (MV3 stops it after 30
 * idle seconds), and the first chat page waited for it (docs/performance.md, "Start-up").
 */
export const SHIPPED_MATCHER_PATH = '/rules/matcher.json';
