/**
 * Names that tie the native messaging host to the extension: the host name the extension passes
 * to `runtime.connectNative`, and the extension ids a host manifest lets in.
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host
 */

/** The native messaging host's name: `runtime.connectNative(NATIVE_HOST_NAME)`. */
export const NATIVE_HOST_NAME = 'com.web_identity_credentials.wic';

/** The unpacked build's Chromium id, fixed by the development `key` in manifest.json. */
export const CHROMIUM_DEV_EXTENSION_ID = 'pphpgldbnphjbnncbdmijojinkfahdin';

/** Firefox's add-on id (build/browser-manifest.js `GECKO_ID`; a unit test keeps the two equal). */
export const GECKO_EXTENSION_ID = 'wic@web-identity-credentials';

/** A Chromium extension id: 32 letters a to p. */
export const CHROMIUM_EXTENSION_ID_PATTERN = /^[a-p]{32}$/;

/** The `allowed_origins` entry of a Chromium host manifest for an extension id. */
export function chromiumOrigin(extensionId: string): string {
  return `chrome-extension://${extensionId}/`;
}
