/**
 * Bundle sizes per entry as shipped: minified bytes, and gzipped (level 9) as a rough measure of
 * what the browser reads from disk and parses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The entries of webpack.config.js that the benchmark reports, and the popup's copy-formats chunk (loaded on the first copy). */
export const entries = ['background', 'popup', 'copy-formats', 'options'] as const;

/** Minified and gzipped bytes of one entry's bundle. */
export function bundleSize(extensionDir: string, entry: string): { minified: number; gzipped: number } {
  const code = readFileSync(path.join(extensionDir, `${entry}.js`));
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
