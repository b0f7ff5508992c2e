// @ts-check
/**
 * Derives each browser's manifest from the one manifest.json that every branch edits. The
 * transforms name only what must change for a browser and copy every other key through, so a
 * permission, command or host permission added to manifest.json reaches every build unchanged.
 * Loaded by webpack.config.js (build) and build/package.mjs (store packages); TSDoc types are in
 * browser-manifest.d.ts.
 */

/** Firefox's fixed add-on id; its SHA-1 names the redirect host (see README). */
const GECKO_ID = 'wic@web-identity-credentials';

/**
 * Firefox 140 (an ESR): everything used is there, Manifest V3 background scripts and `action`
 * (109), `storage.session` (115), `optional_host_permissions` (128), and it is the first to read
 * `data_collection_permissions`, which Firefox Add-ons requires of new extensions.
 */
const GECKO_MIN_VERSION = '140.0';

/** Firefox for Android reads `data_collection_permissions` from 142 on. */
const GECKO_ANDROID_MIN_VERSION = '142.0';

/** Manifest keys that only Chromium reads; Firefox warns on them or, for `key`, has its own id. */
const CHROMIUM_ONLY_KEYS = ['key', 'minimum_chrome_version', 'side_panel', 'offline_enabled', 'update_url'];

/** Permissions Firefox does not know (it warns on each); add here as other branches need them. */
const CHROMIUM_ONLY_PERMISSIONS = ['offscreen', 'sidePanel'];

/**
 * The Firefox manifest: a background script instead of a service worker (Firefox runs MV3
 * backgrounds as event pages), a fixed gecko id and minimum version, no Chromium-only keys.
 * @param {Record<string, unknown>} source the parsed manifest.json
 * @returns {Record<string, unknown>}
 */
function firefoxManifest(source) {
  /** @type {Record<string, unknown>} */
  const manifest = structuredClone(source);
  for (const key of CHROMIUM_ONLY_KEYS) delete manifest[key];

  const background = /** @type {Record<string, unknown> | undefined} */ (manifest.background);
  if (background && typeof background.service_worker === 'string') {
    const { service_worker: worker, ...rest } = background;
    manifest.background = { ...rest, scripts: [worker] };
  }
  for (const field of ['permissions', 'optional_permissions']) {
    const list = manifest[field];
    if (Array.isArray(list)) manifest[field] = list.filter((name) => !CHROMIUM_ONLY_PERMISSIONS.includes(name));
  }

  const specific = /** @type {Record<string, Record<string, unknown>>} */ (manifest.browser_specific_settings ?? {});
  manifest.browser_specific_settings = {
    ...specific,
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // Tokens and keys go only to the user's own identity provider and AWS, on the user's behalf.
      data_collection_permissions: { required: ['none'] },
      ...specific.gecko,
    },
    gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION, ...specific.gecko_android },
  };
  return manifest;
}

/**
 * The Chromium manifest (Chrome, Edge): manifest.json as it is, development `key` included, so
 * an unpacked build has the fixed id the README and tests rely on.
 * @param {Record<string, unknown>} source
 * @returns {Record<string, unknown>}
 */
function chromiumManifest(source) {
  return structuredClone(source);
}

/**
 * The manifest for a store upload: the stores assign the id themselves and refuse a `key`.
 * @param {Record<string, unknown>} manifest a built manifest
 * @returns {Record<string, unknown>}
 */
function storeManifest(manifest) {
  return Object.fromEntries(Object.entries(manifest).filter(([name]) => name !== 'key'));
}

module.exports = { GECKO_ID, GECKO_MIN_VERSION, firefoxManifest, chromiumManifest, storeManifest };
