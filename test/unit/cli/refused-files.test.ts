import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readlinkSync, renameSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cleanStudy, read, run } from './helpers';

const CODE_P01 = ['code', 'transcripts/P01.txt', '--code', 'burnout', '--start', '0', '--end', '11', '--by', 'amara'];

describe('files Grounded does not replace', () => {
  it('a read-only sidecar is refused with exit 3 and keeps its bytes and its mode (0444 stays 0444)', async () => {
    const study = cleanStudy();
    const sidecar = join(study, 'transcripts/P01.amara.codes.yaml');
    const before = read(study, 'transcripts/P01.amara.codes.yaml');
    chmodSync(sidecar, 0o444);
    const result = await run(study, CODE_P01);
    assert.equal(result.code, 3, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /P01\.amara\.codes\.yaml: it is read-only, and Grounded does not change read-only files/,
    );
    assert.equal(read(study, 'transcripts/P01.amara.codes.yaml'), before);
    assert.equal(statSync(sidecar).mode & 0o777, 0o444);
  });

  it('a writable sidecar keeps its mode when a coding is added (0640 stays 0640)', async () => {
    const study = cleanStudy();
    const sidecar = join(study, 'transcripts/P01.amara.codes.yaml');
    chmodSync(sidecar, 0o640);
    const result = await run(study, CODE_P01);
    assert.equal(result.code, 0, result.stderr);
    assert.match(read(study, 'transcripts/P01.amara.codes.yaml'), /code: burnout/);
    assert.equal(statSync(sidecar).mode & 0o777, 0o640);
  });

  it('a sidecar that is a symbolic link is neither written through nor replaced by a copy', async () => {
    const study = cleanStudy();
    const sidecar = join(study, 'transcripts/P01.amara.codes.yaml');
    const real = join(study, 'elsewhere.yaml');
    renameSync(sidecar, real);
    symlinkSync(real, sidecar);
    const before = read(study, 'elsewhere.yaml');
    const result = await run(study, CODE_P01);
    assert.notEqual(result.code, 0, result.stdout);
    assert.doesNotMatch(result.stderr, /unexpected error|\n\s+at /);
    assert.ok(lstatSync(sidecar).isSymbolicLink(), 'still a link');
    assert.equal(readlinkSync(sidecar), real);
    assert.equal(read(study, 'elsewhere.yaml'), before, 'the file it points to is unchanged');
  });
});
