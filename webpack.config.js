// One build for the extension: each entry is one page or worker. The same files are written to
// dist/chrome (Chrome, Edge) and dist/firefox, each with its manifest derived from manifest.json.
const { chmodSync } = require('node:fs');
const path = require('node:path');
const { BundleStatsPlugin } = require('./build/bundle-stats-plugin');
const CopyPlugin = require('copy-webpack-plugin');
const webpack = require('webpack');
const { chromiumManifest, firefoxManifest } = require('./build/browser-manifest');

/** Output folder per browser, and how its manifest is derived from the one manifest.json. */
const browsers = { chrome: chromiumManifest, firefox: firefoxManifest };

/**
 * Writes every emitted file once per browser folder, after minification, so both browsers run
 * byte-identical code; only manifest.json differs, through the transforms in build/.
 */
class BrowserBuildsPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('BrowserBuildsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'BrowserBuildsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        for (const name of Object.keys(assets)) {
          const source = compilation.getAsset(name).source;
          for (const [browser, transform] of Object.entries(browsers)) {
            const output = name === 'manifest.json'
              ? new RawSource(`${JSON.stringify(transform(JSON.parse(source.source().toString())), null, 2)}\n`)
              : source;
            compilation.emitAsset(`${browser}/${name}`, output);
          }
          compilation.deleteAsset(name);
        }
      });
    });
  }
}

/** One instance for both compilers, so dist/bundle-stats.json describes every bundle. */
const bundleStats = new BundleStatsPlugin(path.resolve(__dirname, 'dist/bundle-stats.json'));

/** What the service worker and the pages share: how sources are found, compiled and written. */
function common(argv) {
  return {
    mode: argv.mode ?? 'production',
    devtool: argv.mode === 'development' ? 'inline-source-map' : false,
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      // The AWS SDK ships browser builds under the "browser" field; the worker is a browser context.
      mainFields: ['browser', 'module', 'main'],
      conditionNames: ['browser', 'import', 'module', 'default'],
    },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2022', jsx: 'automatic', jsxImportSource: 'preact' },
        },
      ],
    },
    performance: { hints: false },
  };
}

/** Makes dist/cli/wic.js executable, so its shebang runs it (npm's bin link does the same). */
class ExecutablePlugin {
  constructor(file) {
    this.file = file;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('ExecutablePlugin', () => {
      chmodSync(path.join(compiler.outputPath, this.file), 0o755);
    });
  }
}

/**
 * Three compilers: the service worker, which cannot load scripts after start-up and so gets
 * everything in one file; the pages, which may load a chunk on demand (the popup loads the
 * copy formats on the first copy); and the terminal side (issue 14), `wic` and the native
 * messaging host, for Node. The others run after the worker, whose build cleans dist first.
 */
module.exports = (_env, argv) => [
  {
    ...common(argv),
    name: 'background',
    target: 'webworker',
    entry: { background: './src/background.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
      // A Manifest V3 service worker cannot load scripts after start-up, so nothing is split off.
      asyncChunks: false,
    },
    optimization: { splitChunks: false },
    module: {
      ...common(argv).module,
      // A stand-in below that lacks a name the SDK imports must stop the build, not leave an
      // `undefined` to fail at run time.
      parser: { javascript: { exportsPresence: 'error' } },
    },
    plugins: [
      // The SDK's browser build parses STS's XML with DOMParser, which service workers lack;
      // its pure-JavaScript parser works everywhere.
      new webpack.NormalModuleReplacementPlugin(/@aws-sdk[\\/]xml-builder[\\/]dist-es[\\/]xml-parser\.browser\.js$/, (resource) => {
        if (resource.createData?.resource) resource.createData.resource = resource.createData.resource.replace(/xml-parser\.browser\.js$/, 'xml-parser.js');
      }),
      // STS is called unsigned and has no event streams: the SDK's signers, SigV4 auth schemes,
      // hashes and event-stream code stay out of the worker (src/sts/sdk-parts-left-out.ts says
      // why and fails loudly if used).
      new webpack.NormalModuleReplacementPlugin(/^(@smithy\/signature-v4|@aws-sdk\/signature-v4-multi-region|@aws-sdk\/core\/httpAuthSchemes|@smithy\/core\/event-streams|@smithy\/core\/checksum)$/, path.resolve(__dirname, 'src/sts/sdk-parts-left-out.ts')),
      // Nor does it use adaptive retries or the AWS partition table (same file says why), which the
      // SDK imports by relative paths: replaced only from inside the SDK folder that imports them.
      ...[
        [/^\.\.\/util-retry\/AdaptiveRetryStrategy$/, /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]retry[\\/]middleware-retry$/],
        [/^\.\/partitions$/, /[\\/]@aws-sdk[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]util-endpoints[\\/]lib[\\/]aws$/],
      ].map(([request, folder]) => new webpack.NormalModuleReplacementPlugin(request, (resource) => {
        if (folder.test(resource.context ?? '')) resource.request = path.resolve(__dirname, 'src/sts/sdk-parts-left-out.ts');
      })),
      // Both clients always get an endpoint, so their endpoint rules go; the identity pool requests
      // are strings and maps of strings, so the JSON protocol's general writer goes too
      // (src/cognito/sdk-parts-left-out.ts says why and fails loudly if used otherwise).
      ...[
        [/^\.\.?\/endpoint\/endpointResolver$/, /[\\/]@aws-sdk[\\/]client-(sts|cognito-identity)[\\/]dist-es([\\/]auth)?$/],
        [/^\.\/JsonShapeSerializer2$/, /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]protocols[\\/]json[\\/]codec-v2$/],
      ].map(([request, folder]) => new webpack.NormalModuleReplacementPlugin(request, (resource) => {
        if (folder.test(resource.context ?? '')) resource.request = path.resolve(__dirname, 'src/cognito/sdk-parts-left-out.ts');
      })),
      bundleStats,
      new BrowserBuildsPlugin(),
    ],
  },
  {
    ...common(argv),
    name: 'pages',
    dependencies: ['background'],
    target: 'web',
    entry: {
      popup: './popup/popup/popup.tsx',
      options: './popup/options/options.tsx',
      diagnostics: './popup/diagnostics/diagnostics.tsx',
      offscreen: './src/offscreen/offscreen.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].js',
      // Chunks sit beside the pages at the extension's root, in both browsers' folders.
      publicPath: '/',
      clean: false,
    },
    // Each page gets its own files: a page loads only what it uses, and lazy chunks stay lazy.
    optimization: { splitChunks: false },
    plugins: [
      bundleStats,
      new CopyPlugin({
        patterns: [
          { from: 'manifest.json' },
          { from: 'src/config/managed-schema.json', to: 'managed-schema.json' },
          // Every page's files sit at the extension's root, as manifest.json and the pages name them.
          { from: 'popup/*/*.{html,css}', to: '[name][ext]' },
          { from: 'src/offscreen/offscreen.html', to: '[name][ext]' },
          { from: 'icons', to: 'icons' },
        ],
      }),
      new BrowserBuildsPlugin(),
    ],
  },
  {
    ...common(argv),
    name: 'cli',
    dependencies: ['background'],
    // Node's built-ins (node:net, node:fs...) stay require()s; nothing else is external, so the
    // two files run from anywhere without node_modules.
    target: 'node20',
    resolve: {
      ...common(argv).resolve,
      mainFields: ['module', 'main'],
      conditionNames: ['node', 'import', 'module', 'default'],
    },
    entry: { wic: './src/cli/main.ts', 'wic-host': './src/host/main.ts' },
    output: { path: path.resolve(__dirname, 'dist/cli'), filename: '[name].js', clean: false },
    optimization: { splitChunks: false },
    plugins: [
      bundleStats,
      new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true, include: /^wic\.js$/ }),
      new ExecutablePlugin('wic.js'),
    ],
  },
];
