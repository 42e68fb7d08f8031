import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateStudy, type GeneratedStudy } from '../../../scripts/example-study/study';

const STUDY = join(__dirname, '../../../examples/mentorship-study');

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, relative) : [relative];
  });
}

describe('example study: generator', () => {
  let study: GeneratedStudy;
  before(function () {
    this.timeout(60000);
    study = generateStudy();
  });

  it('reproduces the committed files byte for byte (npx tsx scripts/example-study/generate.ts)', () => {
    // Other tools may add files at the top (an export, editor settings); the generated folders must match exactly.
    const committed = listFiles(STUDY).filter(
      (f) => /^(transcripts|memos)\//.test(f) || ['grounded.yaml', 'codebook.yaml', 'survey.csv'].includes(f),
    );
    assert.deepEqual([...study.files.keys()].sort(), committed.sort());
    for (const [relative, content] of study.files) {
      assert.equal(readFileSync(join(STUDY, relative), 'utf8'), content, relative);
    }
  });

  it('never lets two transcripts share more than two answer passages verbatim', () => {
    const transcripts = [...study.transcripts.entries()];
    for (const [i, [a, first]] of transcripts.entries()) {
      const passages = new Set(first.passages);
      for (const [b, second] of transcripts.slice(i + 1)) {
        const shared = second.passages.filter((p) => passages.has(p)).length;
        assert.ok(shared <= 2, `${a} and ${b} share ${shared} passages`);
      }
    }
  });

  it('writes the documented study settings', () => {
    assert.equal(
      readFileSync(join(STUDY, 'grounded.yaml'), 'utf8'),
      [
        'grounded: 1',
        'transcripts:',
        '  - transcripts/*.txt',
        'codebook: codebook.yaml',
        'memos: memos',
        'survey:',
        '  files:',
        '    - survey.csv',
        '  idColumn: participant_id',
        'participants:',
        '  pattern: "^(?<id>P\\\\d{2})"',
        '',
      ].join('\n'),
    );
  });
});
