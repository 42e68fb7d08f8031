import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateStudy, type StudySize } from './generate';

/** Bump when generate.ts changes what it writes, so kept studies are regenerated. */
const GENERATOR_VERSION = 2;
/** Where the synthetic studies are kept between runs (`npm run bench` and `npm run bench:vscode` share them). */
export const BENCH_ROOT = join(tmpdir(), 'grounded-bench');

/** The folder of a generated study of `size`, generated only when missing or written by an older generator. */
export function ensureStudy(size: StudySize): string {
  const folder = join(BENCH_ROOT, size.name);
  const stamp = join(BENCH_ROOT, `${size.name}.stamp`);
  const expected = JSON.stringify({ GENERATOR_VERSION, size });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === expected && existsSync(folder)) return folder;
  process.stderr.write(
    `generating ${size.name} (${size.transcripts} transcripts × ${size.codingsPerTranscript} codings) in ${folder} …\n`,
  );
  generateStudy(folder, size);
  writeFileSync(stamp, expected);
  return folder;
}
