/** Types of chromium-flags.mjs, for the TypeScript that imports it (test/e2e/harness.ts). */

/** Chromium flags that load the unpacked extensions in `extensionDirs`, and no other, into a fresh test profile. */
export function chromiumFlags(extensionDirs: readonly string[]): string[];
