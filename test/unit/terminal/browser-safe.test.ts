/**
 * src/terminal is bundled by the extension too (issue 14): it may import neither Node's
 * built-ins nor the browser APIs, only its own files and types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const folder = path.resolve(__dirname, '..', '..', '..', 'src', 'terminal');

it.each(readdirSync(folder).filter((name) => name.endsWith('.ts')))('%s imports only browser-safe modules', (name) => {
  const source = readFileSync(path.join(folder, name), 'utf8');
  const imports = [...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((match) => match[1]);
  expect(imports.filter((specifier) => !specifier?.startsWith('./') && specifier !== '../format/copy-format-options')).toEqual([]);
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  expect(code).not.toMatch(/(?<![\w.])(Buffer|browser|chrome|process)\./);
});
