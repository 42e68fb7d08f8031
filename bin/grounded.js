#!/usr/bin/env node
// The `grounded` command: a thin launcher for the bundled CLI (built by `npm install` / `npm run build`).
'use strict';
const { join } = require('node:path');
const { existsSync } = require('node:fs');
const bundle = join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!existsSync(bundle)) {
  process.stderr.write('grounded: the CLI is not built yet. Run `npm run build` in the Grounded folder.\n');
  process.exit(2);
}
require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
