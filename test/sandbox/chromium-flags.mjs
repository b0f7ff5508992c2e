// The command-line flags of every Chromium started with the extension: by the end-to-end harness
// (test/e2e/support/harness.ts, under jest) and by `npm start` (open-chromium.mjs, under node). Types for
// the TypeScript side are in chromium-flags.d.mts.

/**
 * Turns off what a test or sandbox browser has no use for: the sandbox, the GPU, QUIC, the
 * first-run page, and the browser's own background traffic (component updates, sync).
 */
export const quietFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Loads the unpacked extensions in `extensionDirs`, and no other, into a fresh profile, with
 * {@link quietFlags}. Chromium and Chrome for Testing honour these flags; Google Chrome ignores
 * them since version 137 (open-chromium.mjs loads the extension another way for that reason).
 * @param {readonly string[]} extensionDirs
 * @returns {string[]}
 */
export function chromiumFlags(extensionDirs) {
  const dirs = extensionDirs.join(',');
  return [`--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`, ...quietFlags];
}
