import assert from 'node:assert/strict';
import { importGraph } from './import-graph';

// src/core/index.ts is the core's public surface: the other layers import the core from there, so a module
// inside the core can move or split without touching its callers.
const INDEX = 'src/core/index.ts';
const graph = importGraph(['src', 'webview']);

/** Imports of files under `layer` that reach into src/core, as "importer → imported". */
function coreImports(layer: string): string[] {
  return [...graph]
    .filter(([file]) => file.startsWith(`${layer}/`))
    .flatMap(([file, imports]) =>
      imports.filter((imported) => imported.startsWith('src/core/')).map((imported) => `${file} → ${imported}`),
    );
}

describe('the core is used through its public surface', () => {
  for (const layer of ['src/cli', 'src/node', 'src/extension']) {
    it(`${layer} imports the core only from src/core/index.ts`, () => {
      assert.deepEqual(
        coreImports(layer).filter((line) => !line.endsWith(` → ${INDEX}`)),
        [],
      );
    });
  }

  it('webview/ imports only leaf modules: report types, their words and number formatting, the model, the network layout (the index would bundle the whole core)', () => {
    const allowed = new Set([
      'src/core/analysis/report-types.ts',
      'src/core/analysis/denominator.ts',
      'src/core/report/format.ts',
      'src/core/model.ts',
      // The network's types and its seeded layout (d3-force, no other core module): the panel lays out what it draws.
      'src/core/network/network-types.ts',
      'src/core/network/layout.ts',
    ]);
    assert.deepEqual(
      coreImports('webview').filter((line) => !allowed.has(line.slice(line.indexOf(' → ') + 3))),
      [],
    );
  });

  it('nothing inside the core imports the index (it would make every module depend on every other)', () => {
    assert.deepEqual(
      coreImports('src/core').filter((line) => line.endsWith(` → ${INDEX}`)),
      [],
    );
  });
});
