// Lint with the TypeScript-aware recommended rules; generated and vendored files are not ours to lint.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const importLayers = require('./build/import-layers');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bench-results/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Claims and errors come from IdPs and STS: they are rendered as text, never parsed as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render untrusted text as text; see SECURITY.md.' },
        { selector: "AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render untrusted text as text; see SECURITY.md.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render untrusted text as text; see SECURITY.md.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', 'test/sandbox/**/*.mjs', 'test/bench/**', 'build/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The polyfill adds about 10 KB to every page for APIs that already return promises.
    files: ['src/**', 'popup/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'webextension-polyfill', allowTypeImports: true, message: "Use `import { browser } from './browser-api'` (src/adapters); only its types come from the polyfill." }],
      }],
    },
  },
  {
    // Imports go only down the layers of ARCHITECTURE.md (table in build/import-layers.js), so the map stays true.
    files: ['src/**', 'popup/**'],
    plugins: { layers: importLayers },
    rules: { 'layers/imports': 'error' },
  },
);
