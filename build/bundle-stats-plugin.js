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

/** The entries whose pages may load a chunk that is not loaded up front. */
function loadedBy(chunk) {
  const entries = new Set();
  for (const group of chunk.groupsIterable) {
    for (const parent of group.getParents()) {
      for (const parentChunk of parent.chunks) if (parentChunk.name && parentChunk.canBeInitial()) entries.add(parentChunk.name);
    }
  }
  return [...entries].sort();
}

/**
 * One instance serves every compiler of the build (webpack.config.js exports one for the service
 * worker and one for the pages), so the file describes the whole extension.
 */
class BundleStatsPlugin {
  /** @param {string} file where the JSON goes; outside the extension's folder, so it never ships */
  constructor(file) {
    this.file = file;
    this.stats = { mode: undefined, entries: {}, lazyChunks: {} };
  }

  apply(compiler) {
    compiler.hooks.done.tap('BundleStatsPlugin', ({ compilation }) => {
      this.stats.mode = compiler.options.mode;
      for (const chunk of compilation.chunks) {
        const modules = moduleNames(compilation, chunk);
        // Chunks split off for import(): loaded later, so each is weighed on its own.
        if (!chunk.canBeInitial()) this.stats.lazyChunks[chunk.name ?? String(chunk.id)] = { file: compilation.getPath(compilation.outputOptions.chunkFilename, { chunk, contentHashType: 'javascript' }), loadedBy: loadedBy(chunk), modules };
        else if (chunk.name) this.stats.entries[chunk.name] = { modules };
      }
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(this.file, `${JSON.stringify(this.stats, null, 1)}\n`);
    });
  }
}

module.exports = { BundleStatsPlugin };
