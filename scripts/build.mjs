// Bundles every entry point with esbuild (scripts/build-config.mjs says what and how).
import * as esbuild from 'esbuild';
import { commonOptions, entries, writeStandIns } from './build-config.mjs';

const watch = process.argv.includes('--watch');
const common = commonOptions(process.argv.includes('--production'));

writeStandIns('dist/extension/vendor');

if (watch) {
  const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
