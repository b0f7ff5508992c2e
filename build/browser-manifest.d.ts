/** Types of browser-manifest.js, for the tests that import it. */
export type Manifest = Record<string, unknown>;
/** Firefox's fixed add-on id. */
export const GECKO_ID: string;
/** `browser_specific_settings.gecko.strict_min_version`. */
export const GECKO_MIN_VERSION: string;
/** The Firefox manifest derived from manifest.json. */
export function firefoxManifest(source: Manifest): Manifest;
/** The Chromium (Chrome, Edge) manifest: manifest.json as it is. */
export function chromiumManifest(source: Manifest): Manifest;
/** A built manifest without the development `key`, for store uploads. */
export function storeManifest(manifest: Manifest): Manifest;
