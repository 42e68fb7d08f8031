// The desktop extension bundle as scripts/build-config.mjs makes it: loading it (what VS Code does before
// activate()) requires none of the libraries kept for later, one VS Code API object is shared by every file,
// and a stand-in gives the real library on first use.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = path.resolve(__dirname, '../../..');
const requireFile = (file: string) => createRequire(file)(file) as Record<string, unknown>;

type BuildOptions = import('esbuild').BuildOptions;

interface BuildConfig {
  LAZY_LIBRARIES: string[];
  commonOptions(production: boolean): BuildOptions;
  entries: BuildOptions[];
  writeStandIns(dir: string): void;
}

/**
 * Loads the bundle in a plain Node process, as the extension host does (this test's own process compiles
 * TypeScript through a loader that inspects every module's exports), with every name the VS Code API exports
 * as a stand-in; prints which libraries were loaded when, as JSON.
 */
const CHILD = String.raw`
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const [declarations, bundle] = process.argv.slice(1);
const names = [...readFileSync(declarations, 'utf8').matchAll(/^\s{1}export (?:class|enum|namespace|const|function|let) (\w+)/gmu)].map((m) => m[1]);
const deep = () => new Proxy(function stub() {}, {
  get: (_, key) => (key === 'prototype' ? {} : typeof key === 'symbol' ? undefined : deep()),
  apply: () => deep(),
  construct: () => ({}),
});
const api = {};
for (const name of names) Object.defineProperty(api, name, { enumerable: true, get: deep });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? api : load.call(this, request, ...rest); };
const libraries = () => Object.keys(require.cache).filter((file) => file.endsWith('.library.js'));
require(bundle);
const atLoad = libraries();
const xml = require(require('node:path').join(require('node:path').dirname(bundle), 'vendor/fast-xml-parser.js'));
const afterStandIn = libraries();
const parsed = new xml.XMLParser().parse('<a><b>1</b></a>');
console.log(JSON.stringify({ atLoad, afterStandIn, parsed, afterUse: libraries() }));
`;

describe('the desktop extension bundle loads the libraries it keeps for later only when they are used', function () {
  this.timeout(120_000);
  let dir: string;
  let config: BuildConfig;

  before(async () => {
    config = (await import(pathToFileURL(path.join(repoRoot, 'scripts/build-config.mjs')).href)) as BuildConfig;
    const esbuild = await import('esbuild');
    dir = mkdtempSync(path.join(os.tmpdir(), 'grounded-bundle-'));
    const common = config.commonOptions(false);
    const wanted = config.entries.filter(
      (entry) => entry.outfile === 'dist/extension/node.js' || entry.outfile?.startsWith('dist/extension/vendor/'),
    );
    assert.equal(wanted.length, 1 + config.LAZY_LIBRARIES.length);
    process.chdir(repoRoot);
    await Promise.all(
      wanted.map((entry) =>
        esbuild.build({
          ...common,
          ...entry,
          sourcemap: false,
          logLevel: 'error',
          outfile: path.join(dir, entry.outfile!.replace('dist/extension/', '')),
        }),
      ),
    );
    config.writeStandIns(path.join(dir, 'vendor'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('requires none of them when loaded, and requires the VS Code API once for every file', () => {
    const out = execFileSync(
      process.execPath,
      ['-e', CHILD, path.join(repoRoot, 'node_modules/@types/vscode/index.d.ts'), path.join(dir, 'node.js')],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(out.trim().split('\n').pop()!) as {
      atLoad: string[];
      afterStandIn: string[];
      parsed: unknown;
      afterUse: string[];
    };
    assert.deepEqual(result.atLoad, [], 'loading the extension required a library kept for later');
    // The API is required once and shared, not converted into a fresh copy by each of ≈ 110 files.
    const bundle = readFileSync(path.join(dir, 'node.js'), 'utf8');
    assert.equal(bundle.match(/require\("vscode"\)/gu)?.length, 1);
    assert.deepEqual(result.afterStandIn, [], 'requiring a stand-in alone loads nothing');
    assert.deepEqual(result.parsed, { a: { b: 1 } });
    assert.deepEqual(
      result.afterUse.map((file) => path.basename(file)),
      ['fast-xml-parser.library.js'],
    );
  });

  it('gives, through each stand-in, every export of the library', () => {
    for (const name of config.LAZY_LIBRARIES) {
      const standIn = requireFile(path.join(dir, `vendor/${name}.js`));
      const library = requireFile(path.join(dir, `vendor/${name}.library.js`));
      assert.deepEqual(Object.keys(standIn).sort(), Object.keys(library).sort(), `${name}: the same exports`);
      for (const key of Object.keys(library)) assert.equal(standIn[key], library[key], `${name}.${key}`);
    }
  });
});
