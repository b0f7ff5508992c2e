/**
 * The import layers (build/import-layers.js): the table covers every folder under src/ and
 * popup/, and the `layers/imports` rule lets imports go down the layers only.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RuleTester } from 'eslint';
import type { Rule } from 'eslint';
import { parser } from 'typescript-eslint';

interface Layer { name: string; rank: number; paths: string[]; description: string }
interface ImportLayersPlugin {
  rules: { imports: Rule.RuleModule };
  layers: Layer[];
  layerOf(relative: string): Layer | undefined;
}

// The plugin is CommonJS for eslint.config.js; it has no type declarations, so load it untyped.
const { rules, layers, layerOf } = createRequire(__filename)('../../../build/import-layers.js') as ImportLayersPlugin;

const root = path.resolve(__dirname, '..', '..', '..');
/** An absolute file name under the repository root. */
const at = (relative: string): string => path.join(root, relative);

/** Every directory and file under the given repository folder, as forward-slash relative paths. */
function walk(folder: string): { directories: string[]; files: string[] } {
  const directories: string[] = [];
  const files: string[] = [];
  for (const entry of readdirSync(at(folder), { withFileTypes: true })) {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      directories.push(relative);
      const inner = walk(relative);
      directories.push(...inner.directories);
      files.push(...inner.files);
    } else {
      files.push(relative);
    }
  }
  return { directories, files };
}

describe('the layer table', () => {
  const trees = ['src', 'popup'].map(walk);

  it('lists each layer with a name, a rank, paths and a description, lowest rank first', () => {
    for (const layer of layers) {
      expect(layer).toEqual({ name: expect.any(String), rank: expect.any(Number), paths: expect.any(Array), description: expect.any(String) });
      expect(layer.paths.length).toBeGreaterThan(0);
    }
    const ranks = layers.map((layer) => layer.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(layers.map((layer) => layer.name)).size).toBe(layers.length);
  });

  it('gives every folder under src/ and popup/ a layer', () => {
    const unlayered = trees.flatMap((tree) => tree.directories).filter((directory) => !layerOf(directory));
    expect(unlayered).toEqual([]);
  });

  it('allows no files directly under src/ or popup/ but the composition root, the message map and the errors', () => {
    const unlayered = trees.flatMap((tree) => tree.files).filter((file) => !layerOf(file));
    expect(unlayered).toEqual([]);
  });
});

describe('layers/imports', () => {
  const ruleTester = new RuleTester({ languageOptions: { parser } });

  /** An invalid case: `code` in `from` imports `to`; the error names both layers. */
  const upward = (from: string, code: string, to: string, fromLayer: string, toLayer: string) => {
    const rankOf = (name: string) => String(layers.find((layer) => layer.name === name)?.rank);
    return {
      code,
      filename: at(from),
      errors: [{ messageId: 'upward', data: { from, fromLayer, fromRank: rankOf(fromLayer), to, toLayer, toRank: rankOf(toLayer) } }],
    };
  };

  ruleTester.run('imports', rules.imports, {
    valid: [
      // Downward imports, including the lowest layer's file entry and a folder's index.
      { code: "import { a } from '../config/types'; import { b } from '../util/bytes'; import { c } from '../errors';", filename: at('src/sign-in/start.ts') },
      { code: "import { adapters } from './adapters'; import type { Request } from './messages';", filename: at('src/background.ts') },
      { code: "import { Button } from '../components/Button'; const f = () => import('../../src/format');", filename: at('popup/popup/popup.tsx') },
      // The own folder: same folder, a subfolder, and back up within the layer.
      { code: "import { b } from './b'; import { c } from './presets/c';", filename: at('src/config/a.ts') },
      { code: "import { b } from '../b';", filename: at('src/config/presets/c.ts') },
      { code: "import { errors } from '../errors';", filename: at('src/util/a.ts') },
      // Packages are not layered.
      { code: "import { h } from 'preact'; import { STSClient } from '@aws-sdk/client-sts'; import * as oauth from 'oauth4webapi';", filename: at('src/util/a.ts') },
      // Files outside the table are not checked.
      { code: "import { Popup } from '../../popup/popup/popup'; import { main } from '../../src/background';", filename: at('test/unit/some.test.ts') },
      { code: "import { layers } from './import-layers';", filename: at('build/other.js') },
      { code: "import { start } from '../../src/background';", filename: at('test/sandbox/start.mjs') },
    ],
    invalid: [
      // Upward, with the whole message.
      {
        code: "import { refresh } from '../refresh/y';",
        filename: at('src/config/x.ts'),
        errors: [{ message: 'src/config/x.ts (config, layer 1) may not import src/refresh/y (refresh, layer 8): move the shared piece down or pass it in; see ARCHITECTURE.md' }],
      },
      upward('src/util/a.ts', "import { Config } from '../config/types';", 'src/config/types', 'util', 'config'),
      upward('src/errors.ts', "import { key } from './storage/keys';", 'src/storage/keys', 'util', 'storage'),
      upward('src/adapters/a.ts', "import { handle } from '../background';", 'src/background', 'adapters', 'background'),
      // Peers: refresh <-> console, page <-> page.
      upward('src/refresh/a.ts', "import { open } from '../console/open-console';", 'src/console/open-console', 'refresh', 'console'),
      upward('src/console/a.ts', "import { schedule } from '../refresh/schedule';", 'src/refresh/schedule', 'console', 'refresh'),
      upward('popup/options/a.tsx', "import { usePreferences } from '../popup/use-preferences';", 'popup/popup/use-preferences', 'options page', 'popup page'),
      upward('popup/diagnostics/a.tsx', "import { Options } from '../options/Options';", 'popup/options/Options', 'diagnostics page', 'options page'),
      // Type-only imports and re-exports count.
      upward('src/storage/a.ts', "import type { View } from '../view/view';", 'src/view/view', 'storage', 'view'),
      upward('src/storage/a.ts', "import { type View } from '../view/view';", 'src/view/view', 'storage', 'view'),
      upward('src/storage/a.ts', "type View = import('../view/view').View;", 'src/view/view', 'storage', 'view'),
      upward('src/sts/a.ts', "export { browser } from '../adapters/browser-api';", 'src/adapters/browser-api', 'sts', 'adapters'),
      upward('src/sts/a.ts', "export * from '../adapters/browser-api';", 'src/adapters/browser-api', 'sts', 'adapters'),
      upward('src/sts/a.ts', "export type { Message } from '../messages';", 'src/messages', 'sts', 'messages'),
      // Dynamic import().
      upward('src/format/a.ts', "export const load = () => import('../offscreen/offscreen');", 'src/offscreen/offscreen', 'format', 'offscreen'),
      upward('src/format/a.ts', 'export const load = () => import(`../sign-in/start`);', 'src/sign-in/start', 'format', 'sign-in'),
      // Nothing outside popup/ imports from popup/.
      upward('src/view/a.ts', "import { Button } from '../../popup/components/Button';", 'popup/components/Button', 'view', 'components'),
      upward('src/background.ts', "import { Popup } from '../popup/popup/popup';", 'popup/popup/popup', 'background', 'popup page'),
      // Components are shared by the pages and import none of them.
      upward('popup/components/a.tsx', "import { Options } from '../options';", 'popup/options', 'components', 'options page'),
    ],
  });
});
