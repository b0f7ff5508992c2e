// `npm run package` (after the build and `web-ext lint`): store-ready zips under release/.
//   web-identity-credentials-<version>-chrome.zip    Chrome Web Store (dist/chrome, without `key`)
//   web-identity-credentials-<version>-edge.zip      Microsoft Edge Add-ons (the same files)
//   web-identity-credentials-<version>-firefox.zip   Firefox Add-ons (dist/firefox)
//   web-identity-credentials-<version>-source.zip    the sources Firefox Add-ons reviewers rebuild from
// Options: --out <dir> (default release/). Entries are sorted and dated 1980-01-01, so the same
// files always give the same bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import manifests from './browser-manifest.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXED_DATE = new Date('1980-01-01T00:00:00Z');

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function filesUnder(dir) {
  const found = [];
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) found.push(name);
    }
  };
  walk('');
  return found.sort();
}

/** The source files: what git tracks or would track (.gitignore applies), as they are on disk. */
function sourceFiles() {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(listed.split('\0').filter(Boolean))]
    .filter((name) => existsSync(path.join(ROOT, name)) && statSync(path.join(ROOT, name)).isFile())
    .sort();
}

/** Zips `files` (name → bytes) deterministically. */
function zip(files) {
  const entries = {};
  for (const name of Object.keys(files).sort()) entries[name] = [files[name], { mtime: FIXED_DATE, level: 9 }];
  return zipSync(entries);
}

/** The files of a build folder, its manifest rewritten for the store. */
function storeFiles(buildDir) {
  if (!existsSync(path.join(buildDir, 'manifest.json'))) throw new Error(`no build at ${buildDir}: run \`npm run build\` first`);
  const files = {};
  for (const name of filesUnder(buildDir)) files[name] = readFileSync(path.join(buildDir, name));
  const manifest = manifests.storeManifest(JSON.parse(files['manifest.json'].toString('utf8')));
  files['manifest.json'] = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  return { files, version: manifest.version };
}

function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = path.resolve(outIndex === -1 ? path.join(ROOT, 'release') : args[outIndex + 1]);
  mkdirSync(out, { recursive: true });

  const chrome = storeFiles(path.join(ROOT, 'dist', 'chrome'));
  const firefox = storeFiles(path.join(ROOT, 'dist', 'firefox'));
  if (chrome.version !== firefox.version) throw new Error(`dist/chrome is version ${chrome.version} but dist/firefox ${firefox.version}: build again`);
  const source = {};
  for (const name of sourceFiles()) source[name] = readFileSync(path.join(ROOT, name));

  const base = `web-identity-credentials-${chrome.version}`;
  const packages = {
    [`${base}-chrome.zip`]: zip(chrome.files),
    [`${base}-edge.zip`]: zip(chrome.files),
    [`${base}-firefox.zip`]: zip(firefox.files),
    [`${base}-source.zip`]: zip(source),
  };
  for (const [name, bytes] of Object.entries(packages)) {
    writeFileSync(path.join(out, name), bytes);
    console.log(`${path.relative(process.cwd(), path.join(out, name))}  ${(bytes.length / 1024).toFixed(1)} KiB`);
  }
}

main();
