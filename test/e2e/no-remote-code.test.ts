/**
 * The built extension runs only the code it ships: its pages load local scripts only, its
 * bundles neither evaluate strings nor import from URLs, and Chromium enforces its Content
 * Security Policy (eval and a script from another origin are refused on its pages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_EXTENSION_DIR, startEnvironment } from './support/harness';
import type { Environment } from './support/harness';

jest.setTimeout(120_000);

const files = readdirSync(DEFAULT_EXTENSION_DIR);
const read = (file: string) => readFileSync(path.join(DEFAULT_EXTENSION_DIR, file), 'utf8');

describe('the build', () => {
  it('has pages that load only scripts it ships', () => {
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages.sort()).toEqual(['diagnostics.html', 'offscreen.html', 'options.html', 'popup.html']);
    for (const page of pages) {
      // The build minifies HTML, so attribute values may come unquoted.
      const sources = [...read(page).matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((match) => match[1] ?? match[2] ?? '');
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        expect(source).toMatch(/^[\w-]+\.js$/);
        expect(files).toContain(source);
      }
      expect(read(page)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('has bundles that evaluate no strings and import nothing from a URL', () => {
    const bundles = files.filter((file) => file.endsWith('.js'));
    expect(bundles.length).toBeGreaterThanOrEqual(4);
    for (const bundle of bundles) {
      const code = read(bundle);
      expect({ bundle, found: code.match(/\beval\(|new Function\(|\bimportScripts\(|\bimport\(\s*["'`]https?:/g) }).toEqual({ bundle, found: null });
    }
  });
});

describe('in Chromium', () => {
  let env: Environment;
  let server: Server;
  let scriptUrl: string;
  beforeAll(async () => {
    server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/javascript' }).end('globalThis.remoteRan = true;'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    scriptUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/remote.js`;
    env = await startEnvironment({ sts: false });
  });
  afterAll(async () => {
    await env?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  // Every page the build ships, the offscreen clipboard document included (opened here as a tab:
  // the manifest's CSP covers every extension page, wherever the browser shows it).
  it.each(files.filter((file) => file.endsWith('.html')).sort())('refuses inline code and a script from another origin on %s', async (file) => {
    const page = await env.openExtensionPage(file);
    // Code run through the DevTools protocol is exempt from CSP, so it inserts scripts and lets
    // the page decide, as it would for code an attacker got into the DOM.
    const outcome = await page.evaluate(async (url) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const inline = document.createElement('script');
      inline.textContent = 'globalThis.inlineRan = true;';
      document.head.append(inline);
      const loaded = await new Promise<string>((resolve) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = () => resolve('loaded');
        script.onerror = () => resolve('refused');
        document.head.append(script);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { inlineRan: 'inlineRan' in globalThis, loaded, remoteRan: 'remoteRan' in globalThis, violations: [...new Set(violations)], reported: violations.length };
    }, scriptUrl);
    expect(outcome).toEqual({ inlineRan: false, loaded: 'refused', remoteRan: false, violations: ['script-src-elem'], reported: expect.any(Number) });
    expect(outcome.reported).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
