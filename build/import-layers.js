// @ts-check
/**
 * The import layers of the extension, and a local ESLint rule (`layers/imports`) that holds the
 * code to them. Each folder has a rank; a file may import only from a lower rank or from its own
 * layer, so helpers never reach up into use cases, use cases never reach into the browser
 * adapters, and nothing outside popup/ depends on the pages. Without the rule the map in
 * ARCHITECTURE.md drifts one convenient import at a time. Quote `layers` there; a unit test
 * checks that every folder under src/ and popup/ has a layer.
 */
const path = require('node:path');

/** The repository root: this file lives in build/. */
const ROOT = path.resolve(__dirname, '..');

/**
 * The layers, lowest first. Equal ranks are peers: neither may import the other.
 * @type {{ name: string, rank: number, paths: string[], description: string }[]}
 */
const layers = [
  { name: 'util', rank: 0, paths: ['src/util/', 'src/errors.ts'], description: 'generic helpers' },
  { name: 'config', rank: 1, paths: ['src/config/'], description: 'the configuration language: types, validation, presets, migrations, refresh settings, session-name template grammar' },
  { name: 'oidc', rank: 2, paths: ['src/oidc/'], description: 'OpenID Connect / OAuth client over oauth4webapi' },
  { name: 'sts', rank: 3, paths: ['src/sts/'], description: 'STS request, session name, credentials, error explanations' },
  { name: 'cognito', rank: 3.5, paths: ['src/cognito/'], description: 'Amazon Cognito identity pools: the requests built once and sent, the identity id cache interface, error explanations, the choice between STS and a pool' },
  { name: 'format', rank: 4, paths: ['src/format/'], description: 'copy formats' },
  { name: 'terminal', rank: 4.5, paths: ['src/terminal/'], description: 'the terminal bridge protocol shared by the extension and wic: messages, validation, framing' },
  { name: 'storage', rank: 5, paths: ['src/storage/'], description: 'storage key registry, store interface, stored records, published configuration, preferences' },
  { name: 'diagnostics', rank: 6, paths: ['src/diagnostics/'], description: 'diagnostics' },
  { name: 'sign-in', rank: 7, paths: ['src/sign-in/'], description: 'background use cases of sign-in' },
  { name: 'refresh', rank: 8, paths: ['src/refresh/'], description: 'credential refresh (peer of console)' },
  { name: 'console', rank: 8, paths: ['src/console/'], description: 'console sign-in (peer of refresh)' },
  { name: 'terminal-access', rank: 8.5, paths: ['src/terminal-access/'], description: 'answering terminal requests: consent, renewal through the refresh service, audit (above refresh)' },
  { name: 'view', rank: 9, paths: ['src/view/'], description: 'what the popup renders' },
  { name: 'messages', rank: 10, paths: ['src/messages.ts'], description: 'the typed message map' },
  { name: 'adapters', rank: 11, paths: ['src/adapters/'], description: 'the only code touching browser.*' },
  { name: 'offscreen', rank: 12, paths: ['src/offscreen/'], description: 'the offscreen document' },
  { name: 'background', rank: 13, paths: ['src/background.ts'], description: 'composition root' },
  { name: 'host', rank: 13, paths: ['src/host/'], description: 'the native messaging host (Node), peer of the background' },
  { name: 'cli', rank: 13.5, paths: ['src/cli/'], description: 'the wic command (Node)' },
  { name: 'components', rank: 14, paths: ['popup/components/'], description: 'components the pages share' },
  { name: 'popup page', rank: 15, paths: ['popup/popup/'], description: 'the popup (pages never import each other)' },
  { name: 'options page', rank: 15, paths: ['popup/options/'], description: 'the options page (pages never import each other)' },
  { name: 'diagnostics page', rank: 15, paths: ['popup/diagnostics/'], description: 'the diagnostics page (pages never import each other)' },
];

/** A path without a script extension, so `./errors` and `src/errors.ts` compare equal. */
const stripExtension = (/** @type {string} */ p) => p.replace(/\.[cm]?[jt]sx?$/, '');

/**
 * The layer of a repository-relative path (forward slashes): a folder entry (ending in `/`)
 * holds the folder itself (an `index` import) and everything under it; a file entry, that file.
 * @param {string} relative
 */
function layerOf(relative) {
  return layers.find((layer) => layer.paths.some((entry) => (entry.endsWith('/')
    ? `${relative}/`.startsWith(entry)
    : stripExtension(relative) === stripExtension(entry))));
}

/** The repository-relative, forward-slash form of an absolute path. */
const fromRoot = (/** @type {string} */ absolute) => path.relative(ROOT, absolute).split(path.sep).join('/');

/** @type {import('eslint').Rule.RuleModule} */
const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'A file imports only from a lower layer or from its own layer (see ARCHITECTURE.md)' },
    schema: [],
    messages: {
      upward: '{{from}} ({{fromLayer}}, layer {{fromRank}}) may not import {{to}} ({{toLayer}}, layer {{toRank}}): move the shared piece down or pass it in; see ARCHITECTURE.md',
    },
  },
  create(context) {
    const filename = context.physicalFilename ?? context.filename;
    const from = fromRoot(filename);
    const fromLayer = layerOf(from);
    if (!fromLayer) return {}; // tests, build scripts, config files: not layered

    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source) return;
      const specifier = source.type === 'Literal' ? source.value
        : source.type === 'TemplateLiteral' && source.expressions.length === 0 ? source.quasis[0]?.value.cooked : undefined;
      if (typeof specifier !== 'string' || !/^\.\.?(\/|$)/.test(specifier)) return; // a package
      const to = fromRoot(path.resolve(path.dirname(filename), specifier));
      const toLayer = layerOf(to);
      if (!toLayer || toLayer === fromLayer || toLayer.rank < fromLayer.rank) return;
      context.report({
        node: source,
        messageId: 'upward',
        data: { from, fromLayer: fromLayer.name, fromRank: String(fromLayer.rank), to, toLayer: toLayer.name, toRank: String(toLayer.rank) },
      });
    }

    /** @typedef {{ source?: import('estree').Node | null, moduleReference?: { type: string, expression?: import('estree').Node } }} WithSource */
    return {
      // Type-only imports and exports are ImportDeclaration / Export*Declaration too.
      ImportDeclaration: (/** @type {WithSource} */ node) => check(node.source),
      ExportNamedDeclaration: (/** @type {WithSource} */ node) => check(node.source),
      ExportAllDeclaration: (/** @type {WithSource} */ node) => check(node.source),
      ImportExpression: (/** @type {WithSource} */ node) => check(node.source),
      // `type T = import('../x').T` and `import x = require('../x')`.
      TSImportType: (/** @type {WithSource} */ node) => check(node.source),
      TSImportEqualsDeclaration: (/** @type {WithSource} */ node) => {
        if (node.moduleReference?.type === 'TSExternalModuleReference') check(node.moduleReference.expression);
      },
    };
  },
};

/** The plugin: register as `plugins: { layers: importLayers }`, use as `'layers/imports': 'error'`. */
module.exports = { meta: { name: 'import-layers' }, rules: { imports: importsRule }, layers, layerOf };
