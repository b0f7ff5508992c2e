/**
 * A blank extension page to time beside the popup: Chromium's own cost of opening a page of the
 * extension's origin that runs one script file, which no popup code can go below. It is written
 * into a copy of the build the benchmark loads, so the shipped build never holds it.
 */
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The blank page, beside popup.html in the copy. */
export const blankPageFile = 'bench-blank.html';

// The extension's CSP (script-src 'self') allows no inline script, hence a file. It adds the one
// element the paint watcher of popup-paint.ts waits for, as popup.js adds a profile's status.
const page = '<!doctype html><html lang=en><head><meta charset=utf-8><title>blank</title></head><body><script src=bench-blank.js></script></body></html>\n';
const script = [
  "const marker = document.createElement('p');",
  "marker.dataset.testid = 'profile-status';",
  "marker.textContent = 'blank';",
  'document.body.append(marker);',
  '',
].join('\n');

/** A copy of the build in `extensionDir` with the blank page added. */
export interface BenchExtension {
  dir: string;
  remove(): Promise<void>;
}

/**
 * Copies the build and adds the blank page. The folder's name follows the harness's
 * `wic-e2e-<pid>-` pattern, so a run killed before `remove()` has its copy removed by the next.
 */
export async function copyWithBlankPage(extensionDir: string): Promise<BenchExtension> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`no extension at ${extensionDir}: run \`npm run build\` first`);
  const dir = await mkdtemp(path.join(tmpdir(), `wic-e2e-${process.pid}-bench-extension-`));
  cpSync(extensionDir, dir, { recursive: true });
  writeFileSync(path.join(dir, blankPageFile), page);
  writeFileSync(path.join(dir, 'bench-blank.js'), script);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
