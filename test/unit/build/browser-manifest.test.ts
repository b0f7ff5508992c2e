/**
 * The per-browser manifests are derived from the one manifest.json: these tests pin what changes
 * for Firefox and, above all, that everything else (what other branches add) passes through.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GECKO_ID, GECKO_MIN_VERSION, chromiumManifest, firefoxManifest, storeManifest } from '../../../build/browser-manifest';
import type { Manifest } from '../../../build/browser-manifest';

/** The manifest without the given keys. */
const without = (manifest: Manifest, ...keys: string[]): Manifest => Object.fromEntries(Object.entries(manifest).filter(([key]) => !keys.includes(key)));

const source = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'manifest.json'), 'utf8')) as Manifest;

describe('firefoxManifest', () => {
  const firefox = firefoxManifest(source);

  it('runs the background as an event page script instead of a service worker', () => {
    expect(source.background).toEqual({ service_worker: 'background.js' });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
  });

  it('keeps other background fields, such as a module type', () => {
    expect(firefoxManifest({ ...source, background: { service_worker: 'bg.js', type: 'module' } }).background).toEqual({ scripts: ['bg.js'], type: 'module' });
  });

  it('carries a fixed gecko id and a minimum version with storage.session and data collection permissions', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: GECKO_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(GECKO_ID).toBe('wic@web-identity-credentials');
    expect(Number.parseInt(GECKO_MIN_VERSION, 10)).toBeGreaterThanOrEqual(115);
  });

  it('drops the Chromium development key and Chromium-only keys', () => {
    expect(source.key).toEqual(expect.any(String));
    expect(source.minimum_chrome_version).toEqual(expect.any(String));
    expect(firefox).not.toHaveProperty('key');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('copies every other key through unchanged, including ones it has never heard of', () => {
    const added = {
      ...source,
      permissions: [...(source.permissions as string[]), 'alarms', 'idle', 'notifications'],
      optional_host_permissions: ['https://*/*'],
      commands: { 'copy-default': { suggested_key: { default: 'Alt+Shift+C' }, description: 'Copy the default profile' } },
      some_future_key: { nested: [1, 2] },
    };
    const firefoxAdded = firefoxManifest(added);
    const untouched = (manifest: Manifest) => without(manifest, 'key', 'minimum_chrome_version', 'background', 'browser_specific_settings', 'permissions');
    expect(untouched(firefoxAdded)).toEqual(untouched(added));
    // Permissions pass through in order, less the Chromium-only ones (tested below).
    expect(firefoxAdded.permissions).toEqual(added.permissions.filter((permission) => permission !== 'offscreen'));
    expect(firefoxAdded.permissions).toEqual(expect.arrayContaining(['identity', 'storage', 'alarms', 'idle', 'notifications']));
  });

  it('leaves out permissions Firefox does not know, keeps the rest in order', () => {
    const firefoxOffscreen = firefoxManifest({ ...source, permissions: ['identity', 'offscreen', 'storage'], optional_permissions: ['offscreen', 'clipboardWrite'] });
    expect(firefoxOffscreen.permissions).toEqual(['identity', 'storage']);
    expect(firefoxOffscreen.optional_permissions).toEqual(['clipboardWrite']);
  });

  it('lets manifest.json override gecko settings and add others', () => {
    const firefoxOwn = firefoxManifest({ ...source, browser_specific_settings: { gecko: { strict_min_version: '142.0' }, safari: { x: 1 } } });
    expect(firefoxOwn.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID, strict_min_version: '142.0' }, safari: { x: 1 } });
  });

  it('does not change its input', () => {
    const before = JSON.stringify(source);
    firefoxManifest(source);
    expect(JSON.stringify(source)).toBe(before);
  });
});

describe('chromiumManifest and storeManifest', () => {
  it('builds Chrome and Edge from manifest.json as it is, development key included', () => {
    expect(chromiumManifest(source)).toEqual(source);
  });

  it('takes the key out for store uploads and nothing else', () => {
    expect(storeManifest(chromiumManifest(source))).toEqual(without(source, 'key'));
    expect(storeManifest(firefoxManifest(source))).toEqual(firefoxManifest(source));
  });
});
