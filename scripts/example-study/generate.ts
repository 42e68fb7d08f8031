/**
 * Regenerates examples/mentorship-study/ from the seeded generator:
 *   npx tsx scripts/example-study/generate.ts
 * Re-running reproduces the committed files byte for byte; `--check` only compares and fails on a difference.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateStudy } from './study';
import { summarize } from './summary';

export const STUDY_DIR = resolve(__dirname, '../../examples/mentorship-study');

function main(): void {
  const check = process.argv.includes('--check');
  const study = generateStudy();
  let differences = 0;
  for (const [relative, content] of study.files) {
    const target = join(STUDY_DIR, relative);
    if (check) {
      if (!existsSync(target) || readFileSync(target, 'utf8') !== content) {
        console.error(`differs: ${relative}`);
        differences++;
      }
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  console.log(summarize(study));
  if (differences > 0) {
    console.error(`${differences} file(s) differ from the generator's output`);
    process.exitCode = 1;
  }
}

main();
