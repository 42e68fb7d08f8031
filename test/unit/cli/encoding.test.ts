import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { P02, cleanStudy, read, readBytes, run } from './helpers';

/** P02 with the "e" of "residency" saved as Latin-1 "é" (0xE9): a file that is not UTF-8 on its third line. */
function latin1Transcript(): { bytes: Buffer; line: number; column: number; byte: number } {
  const [before, after] = P02.split('residency') as [string, string];
  const bytes = Buffer.concat([Buffer.from(before + 'r', 'utf8'), Buffer.from([0xe9]), Buffer.from('sidency' + after)]);
  const lastLine = before.slice(before.lastIndexOf('\n') + 1) + 'r';
  return { bytes, line: 3, column: lastLine.length + 1, byte: Buffer.byteLength(before + 'r') };
}

describe('encoding errors name line and column', () => {
  it('check places a transcript that is not UTF-8 at the line and column of its first bad byte', async () => {
    const study = cleanStudy();
    const bad = latin1Transcript();
    writeFileSync(join(study, 'transcripts/P02.txt'), bad.bytes);
    const result = await run(study, ['check']);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      new RegExp(
        `^transcripts/P02\\.txt:${bad.line}:${bad.column}: error: P02\\.txt: invalid UTF-8 at line ${bad.line}, column ${bad.column} \\(byte ${bad.byte}\\) — .*re-save it as UTF-8$`,
        'm',
      ),
    );
  });

  it('a sidecar that is not UTF-8 is refused with its line and column, and left as it was', async () => {
    const study = cleanStudy();
    const sidecar = read(study, 'transcripts/P02.amara.codes.yaml');
    const cut = sidecar.indexOf('coder: amara') + 'coder: am'.length;
    const bytes = Buffer.concat([
      Buffer.from(sidecar.slice(0, cut)),
      Buffer.from([0xe0]),
      Buffer.from(sidecar.slice(cut)),
    ]);
    writeFileSync(join(study, 'transcripts/P02.amara.codes.yaml'), bytes);
    const line = sidecar.slice(0, cut).split('\n').length;
    const result = await run(
      study,
      ['code', 'transcripts/P02.txt', '--code', 'burnout', '--start', '0', '--end', '5'],
      {
        env: { GROUNDED_CODER: 'amara' },
      },
    );
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stderr,
      new RegExp(
        `transcripts/P02\\.amara\\.codes\\.yaml:${line}:10: error: .*invalid UTF-8 at line ${line}, column 10`,
      ),
    );
    assert.deepEqual(readBytes(study, 'transcripts/P02.amara.codes.yaml'), bytes);
  });
});
