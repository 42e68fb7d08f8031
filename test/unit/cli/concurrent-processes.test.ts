import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { tempFolder } from './helpers';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';

/**
 * Several `grounded` processes writing the same study at once, as people do (two terminals, a script, the
 * extension in two windows). Each process is a real Node process running the bundled CLI, so the only thing
 * between them is the file system: the lock files and the compare-and-swap.
 */
const EXAMPLE = join(__dirname, '../../../examples/mentorship-study');
const ROUNDS = 5;
const PROCESSES = 20;

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let bundle: string;
let bundleFolder: string;

before(async function () {
  this.timeout(60_000);
  bundleFolder = mkdtempSync(join(tmpdir(), 'grounded-cli-bundle-'));
  bundle = join(bundleFolder, 'cli.js');
  await build({
    entryPoints: [join(__dirname, '../../../src/cli/main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
});

after(() => rmSync(bundleFolder, { recursive: true, force: true }));

/**
 * The example study cut down to a few transcripts (settings, codebook, survey, memos kept), so twenty processes
 * each loading it start quickly; what they race for is the same.
 */
function studyWith(transcripts: readonly string[]): string {
  const study = tempFolder();
  for (const name of ['grounded.yaml', 'codebook.yaml', 'survey.csv', 'memos'])
    cpSync(join(EXAMPLE, name), join(study, name), { recursive: true });
  mkdirSync(join(study, 'transcripts'));
  for (const name of readdirSync(join(EXAMPLE, 'transcripts')))
    if (transcripts.some((t) => name.startsWith(`${t}.`)))
      cpSync(join(EXAMPLE, 'transcripts', name), join(study, 'transcripts', name));
  return study;
}

/** `grounded code <transcript> --code <code> --start <start> --end <end> --by <coder>` */
function codeCommand(transcript: string, code: string, start: number, end: number, coder: string): string[] {
  return ['code', transcript, '--code', code, '--start', String(start), '--end', String(end), '--by', coder];
}

function grounded(cwd: string, args: readonly string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(bundle)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`,
        ...args,
      ],
      {
        cwd,
        env: { ...process.env, GROUNDED_CODER: '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface SidecarCoding {
  readonly id: string;
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

function codingsOf(study: string, file: string): SidecarCoding[] {
  const sidecar = parse(readFileSync(join(study, 'transcripts', file), 'utf8')) as { codings?: SidecarCoding[] };
  return sidecar.codings ?? [];
}

function codeIds(study: string): string[] {
  return (parse(readFileSync(join(study, 'codebook.yaml'), 'utf8')) as { codes: { id: string }[] }).codes.map(
    (c) => c.id,
  );
}

/** Temp and lock files left behind, as the adapter that makes them recognises them. */
function leftovers(study: string): string[] {
  const fs = new NodeFileSystem();
  return readdirSync(study, { recursive: true, encoding: 'utf8' }).filter((name) =>
    fs.isWriteArtifact(pathToUri(join(study, name))),
  );
}

describe(`${PROCESSES} grounded processes writing one study at once`, function () {
  this.timeout(180_000);

  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: ${PROCESSES} \`grounded code\` on one transcript and coder: every coding is kept`, async () => {
      const study = studyWith(['P04']);
      const before = codingsOf(study, 'P04.amara.codes.yaml').length;
      const exits = await Promise.all(
        Array.from({ length: PROCESSES }, (_, i) =>
          grounded(study, codeCommand('transcripts/P04.txt', 'barriers-time', i * 100 + 3, i * 100 + 10, 'amara')),
        ),
      );
      for (const exit of exits) assert.equal(exit.code, 0, exit.stderr);
      const after = codingsOf(study, 'P04.amara.codes.yaml');
      const ours = after.filter(
        (c) => c.code === 'barriers-time' && c.end - c.start === 7 && (c.start - 3) % 100 === 0,
      );
      assert.equal(ours.length, PROCESSES, `codings kept: ${ours.length} of ${PROCESSES}`);
      assert.equal(after.length, before + PROCESSES);
      assert.deepEqual(leftovers(study), []);
      const check = await grounded(study, ['check']);
      assert.equal(check.code, 0, check.stdout + check.stderr);
    });
  }

  it(`${PROCESSES} \`code --create\` during a \`codebook rename\`: every new code and every coding is kept, the rename too`, async () => {
    const study = studyWith(['P05']);
    const exits = await Promise.all([
      ...Array.from({ length: PROCESSES }, (_, i) =>
        grounded(study, [
          'code',
          'transcripts/P05.txt',
          '--code',
          `new-code-${i}`,
          '--create',
          '--start',
          String(i * 50 + 1),
          '--end',
          String(i * 50 + 9),
          '--by',
          'jonas',
        ]),
      ),
      grounded(study, ['codebook', 'rename', 'barriers-time', 'Lack of time']),
    ]);
    for (const exit of exits) assert.equal(exit.code, 0, exit.stderr);
    const ids = codeIds(study);
    const created = ids.filter((id) => id.startsWith('new-code-'));
    assert.equal(created.length, PROCESSES, `codes kept: ${created.length} of ${PROCESSES}`);
    const codebook = parse(readFileSync(join(study, 'codebook.yaml'), 'utf8')) as {
      codes: { id: string; name: string }[];
    };
    assert.equal(codebook.codes.find((c) => c.id === 'barriers-time')?.name, 'Lack of time');
    const codings = codingsOf(study, 'P05.jonas.codes.yaml').filter((c) => c.code.startsWith('new-code-'));
    assert.equal(codings.length, PROCESSES);
    assert.ok(
      codings.every((c) => ids.includes(c.code)),
      'no coding points at an unknown code',
    );
    assert.deepEqual(leftovers(study), []);
  });

  it(`\`codebook merge\` during ${PROCESSES} \`grounded code\`: no coding is left on the merged code`, async () => {
    const study = studyWith(['P06', 'P07', 'P08', 'P09']);
    const start = Date.now();
    const coding = Array.from({ length: PROCESSES }, (_, i) =>
      grounded(
        study,
        codeCommand(
          `transcripts/P${String(6 + (i % 4)).padStart(2, '0')}.txt`,
          'barriers-hierarchy',
          i * 40 + 2,
          i * 40 + 12,
          'amara',
        ),
      ),
    );
    const merge = grounded(study, ['codebook', 'merge', 'barriers-hierarchy', 'barriers']);
    const exits = await Promise.all(coding);
    const merged = await merge;
    assert.equal(merged.code, 0, merged.stderr);
    assert.ok(!codeIds(study).includes('barriers-hierarchy'));
    // Each coding process either coded before the merge (its coding moved to the other code), or was told the
    // code is gone and wrote nothing: never a coding on a code that no longer exists. A process that read the
    // codebook while the merge held it learns it under the lock; one that started after the merge (on a busy
    // machine some do) is refused by the first check, as any unknown code is.
    for (const exit of exits.filter((e) => e.code !== 0)) {
      assert.equal(exit.code, 2, exit.stderr);
      assert.match(
        exit.stderr,
        /"barriers-hierarchy" is not in the codebook \(merged, renamed or deleted meanwhile\?\); nothing was written|^grounded code: unknown code "barriers-hierarchy": it is not in codebook\.yaml/,
      );
    }
    const files = readdirSync(join(study, 'transcripts')).filter((name) => name.endsWith('.codes.yaml'));
    const left = files.flatMap((file) => codingsOf(study, file)).filter((c) => c.code === 'barriers-hierarchy');
    assert.deepEqual(left, []);
    const check = await grounded(study, ['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.deepEqual(leftovers(study), []);
    assert.ok(Date.now() - start < 170_000);
  });
});
