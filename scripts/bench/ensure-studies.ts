/**
 * `tsx scripts/bench/ensure-studies.ts S XL`: generates the named synthetic studies if they are not kept yet
 * (as `npm run bench` does) and prints `{ "S": folder, … }` as JSON. Used by scripts/vscode-test/bench.mjs.
 */
import { mkdirSync } from 'node:fs';
import { SIZES } from './generate';
import { BENCH_ROOT, ensureStudy } from './studies';

const names = process.argv.slice(2).map((name) => name.toUpperCase());
const unknown = names.filter((name) => !SIZES.some((size) => size.name === name));
if (unknown.length > 0) {
  process.stderr.write(`unknown sizes ${unknown.join(', ')}; use ${SIZES.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}
mkdirSync(BENCH_ROOT, { recursive: true });
const folders: Record<string, string> = {};
for (const size of SIZES) if (names.includes(size.name)) folders[size.name] = ensureStudy(size);
process.stdout.write(`${JSON.stringify(folders)}\n`);
