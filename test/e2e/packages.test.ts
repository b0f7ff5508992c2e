/**
 * `npm run package` from the built dist/: the store zips hold exactly the build (the manifest
 * without the development key), the source archive holds what reviewers rebuild from, the same
 * files give the same bytes, and Firefox's linter finds no error in the Firefox package.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { GECKO_ID } from '../../build/browser-manifest';
import { ROOT } from './support/harness';

jest.setTimeout(120_000);

const run = promisify(execFile);
const version = (JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as { version: string }).version;
const names = ['chrome', 'edge', 'firefox', 'source'].map((kind) => `web-identity-credentials-${version}-${kind}.zip`);
const [chromeZip, edgeZip, firefoxZip, sourceZip] = names as [string, string, string, string];

let out: string;
let zips: Record<string, Record<string, Uint8Array>>;

/** Every file of a folder, relative path → bytes. */
async function folderFiles(dir: string, prefix = ''): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, await folderFiles(dir, name));
    else files[name] = await readFile(path.join(dir, name));
  }
  return files;
}

const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(Buffer.from(files['manifest.json'] ?? '').toString('utf8')) as Record<string, unknown>;
const withoutManifest = (files: Record<string, Uint8Array>) => Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'manifest.json').map(([name, bytes]) => [name, Buffer.from(bytes)]));

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), `wic-e2e-${process.pid}-packages-`));
  await run(process.execPath, [path.join(ROOT, 'build', 'package.mjs'), '--out', out], { cwd: ROOT });
  zips = {};
  for (const name of names) zips[name] = unzipSync(await readFile(path.join(out, name)));
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

test('writes one zip per store and a source archive', async () => {
  expect((await readdir(out)).sort()).toEqual([...names].sort());
});

test('Chrome and Edge get the Chromium build, without the development key', async () => {
  const built = await folderFiles(path.join(ROOT, 'dist', 'chrome'));
  const source = manifestOf(built);
  for (const zip of [chromeZip, edgeZip]) {
    const files = zips[zip] ?? {};
    expect(Object.keys(files).sort()).toEqual(Object.keys(built).sort());
    expect(withoutManifest(files)).toEqual(withoutManifest(built));
    const manifest = manifestOf(files);
    expect(source.key).toEqual(expect.any(String));
    expect(manifest).not.toHaveProperty('key');
    expect(manifest).toEqual(Object.fromEntries(Object.entries(source).filter(([name]) => name !== 'key')));
  }
});

test('Firefox gets the Firefox build: background script, gecko id, no key, nothing from the tests', async () => {
  const built = await folderFiles(path.join(ROOT, 'dist', 'firefox'));
  const files = zips[firefoxZip] ?? {};
  expect(Object.keys(files).sort()).toEqual(Object.keys(built).sort());
  expect(Object.keys(files).filter((name) => name.startsWith('e2e-'))).toEqual([]);
  const manifest = manifestOf(files);
  expect(manifest.background).toEqual({ scripts: ['background.js'] });
  expect(manifest).toMatchObject({ browser_specific_settings: { gecko: { id: GECKO_ID } } });
  expect(manifest).not.toHaveProperty('key');
  expect(manifest).not.toHaveProperty('minimum_chrome_version');
  // The same code runs in both browsers.
  expect(withoutManifest(files)).toEqual(withoutManifest(zips[chromeZip] ?? {}));
});

test('the source archive holds what a reviewer needs to rebuild, and nothing built or installed', () => {
  const files = Object.keys(zips[sourceZip] ?? {});
  for (const needed of ['package.json', 'package-lock.json', 'manifest.json', 'webpack.config.js', 'build/browser-manifest.js', 'tsconfig.json', 'README.md', 'src/background.ts', 'popup/popup/popup.tsx', 'icons/icon-128.png']) {
    expect(files).toContain(needed);
  }
  expect(files.filter((name) => /^(node_modules|dist|release|\.git)\//.test(name))).toEqual([]);
});

test('the same files give byte-identical packages', async () => {
  const again = await mkdtemp(path.join(tmpdir(), `wic-e2e-${process.pid}-packages-again-`));
  try {
    await run(process.execPath, [path.join(ROOT, 'build', 'package.mjs'), '--out', again], { cwd: ROOT });
    for (const name of names) {
      expect((await readFile(path.join(again, name))).equals(await readFile(path.join(out, name)))).toBe(true);
    }
  } finally {
    await rm(again, { recursive: true, force: true });
  }
});

test('web-ext lint finds no error in the Firefox package, and nothing wrong with its manifest', async () => {
  const dir = path.join(out, 'firefox-unzipped');
  for (const [name, bytes] of Object.entries(zips[firefoxZip] ?? {})) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), bytes);
  }
  const { stdout } = await run(path.join(ROOT, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { cwd: ROOT });
  const report = JSON.parse(stdout) as { errors: unknown[]; warnings: Array<{ code: string; file?: string }>; metadata: { id: string } };
  expect(report.errors).toEqual([]);
  expect(report.metadata.id).toBe(GECKO_ID);
  expect(report.warnings.filter((warning) => warning.file === 'manifest.json')).toEqual([]);
});
