// Writes which modules each entry's bundle holds, for the budget test (test/unit/build) and for
// finding where the bytes go. Read from webpack's chunk graph, so it names modules, not guesses.
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** The modules a chunk was built from, concatenated ones (scope hoisting) opened up. */
function moduleNames(compilation, chunk) {
  const names = new Set();
  const add = (module) => {
    if (module.modules) for (const inner of module.modules) add(inner);
    else names.add(module.readableIdentifier(compilation.requestShortener));
  };
  for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) add(module);
  return [...names].filter((name) => !name.startsWith('webpack/runtime/')).sort();
}

class BundleStatsPlugin {
  /** @param {string} file where the JSON goes; outside the extension's folder, so it never ships */
  constructor(file) {
    this.file = file;
  }

  apply(compiler) {
    compiler.hooks.done.tap('BundleStatsPlugin', ({ compilation }) => {
      const entries = {};
      for (const chunk of compilation.chunks) {
        if (chunk.name) entries[chunk.name] = { modules: moduleNames(compilation, chunk) };
      }
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(this.file, `${JSON.stringify({ mode: compiler.options.mode, entries }, null, 1)}\n`);
    });
  }
}

module.exports = { BundleStatsPlugin };
