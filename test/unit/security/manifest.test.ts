/**
 * The manifest is the extension's attack surface: what it may touch, who may talk to it, which
 * code it may run. Each rule here is a defence of SECURITY.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** Rows of the README's "Permissions" table: permission → why; a row may name several permissions. */
function justifications(): Map<string, string> {
  const section = readme.split(/^## Permissions$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = [...section.matchAll(/^\| (.+?) \| (.+?) \|$/gm)];
  return new Map(rows.flatMap(([, names, why]) => [...(names ?? '').matchAll(/`([^`]+)`/g)].map(([, name]) => [name ?? '', (why ?? '').trim()] as const)));
}

describe('manifest', () => {
  it('justifies every permission and host permission in the README', () => {
    const requested = [
      ...((manifest.permissions as string[] | undefined) ?? []),
      ...((manifest.optional_permissions as string[] | undefined) ?? []),
      ...((manifest.host_permissions as string[] | undefined) ?? []),
      ...((manifest.optional_host_permissions as string[] | undefined) ?? []),
    ];
    const table = justifications();
    expect(requested.length).toBeGreaterThan(0);
    for (const permission of requested) expect({ permission, why: (table.get(permission)?.length ?? 0) > 10 }).toEqual({ permission, why: true });
  });

  it('grants no host access up front', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
  });

  it('lets no web page or other extension talk to it, load its files or get content scripts', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('content_scripts');
  });

  it('runs only its own packaged code on its pages', () => {
    const csp = (manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
    const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(["'self'", "'none'"]).toEqual(expect.arrayContaining(directives.get('object-src') ?? ['missing']));
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    expect(manifest).not.toHaveProperty('sandbox');
    expect(manifest.manifest_version).toBe(3);
  });
});
