import assert from 'node:assert/strict';
import { importCycles, importGraph } from './import-graph';

// Modules that import each other, even for types only, cannot be read, moved or tested one without the
// other, and a runtime cycle makes one of them see the other half-initialized. Shared pieces go to a
// third module that both import.
describe('import graph', () => {
  it('has no import cycles in src/ or webview/', () => {
    const cycles = importCycles(importGraph(['src', 'webview']));
    assert.deepEqual(
      cycles.map((cycle) => cycle.join(' → ')),
      [],
    );
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    assert.deepEqual(importCycles(graph), [
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
    ]);
  });
});
