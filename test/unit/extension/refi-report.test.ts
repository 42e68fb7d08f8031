import assert from 'node:assert/strict';
import { mergeRefiCodebook, type ImportSummary, type Skipped } from '../../../src/core/index';
import { codebookMergeReport, importHeadline, importReport } from '../../../src/extension/refi-qda/refi-report';

const pdfs: Skipped[] = Array.from({ length: 7 }, (_, i) => ({
  kind: 'PDF source',
  name: `scan-${i + 1}.pdf`,
  reason: 'only text sources are imported',
}));

const summary: ImportSummary = {
  project: 'Mentoring',
  transcripts: [{ path: 'transcripts/P01.txt', source: 'P01', participant: 'P01', codings: 3, coders: ['amara'] }],
  codes: 4,
  codings: 3,
  orphans: 1,
  coders: ['amara'],
  memos: 2,
  surveyRows: 0,
  surveyColumns: 0,
  notImported: [...pdfs, { kind: 'set', name: 'Women', reason: 'sets have no place in a Grounded study' }],
  warnings: [{ where: 'P01', message: 'CRLF line ends became LF; positions converted' }],
};

describe('REFI-QDA reports in the output channel', () => {
  it('names everything an import could not import, each name, grouped by kind and reason', () => {
    const lines = importReport('Mentoring.qdpx', '/tmp/new-study', summary);
    assert.equal(lines[0], 'Imported Mentoring.qdpx (project "Mentoring") into /tmp/new-study');
    assert.ok(lines.includes('  3 coding(s) by amara (1 orphaned: positions outside their source)'));
    assert.ok(lines.includes('Not imported (8):'));
    // Unlike the terminal, the channel has room for every name: none is summed up as "and 2 more".
    const pdfLine = lines.find((line) => line.includes('PDF source'));
    for (let i = 1; i <= 7; i++) assert.ok(pdfLine?.includes(`"scan-${i}.pdf"`), `scan-${i}.pdf is listed`);
    assert.ok(lines.includes('  1 set: "Women" — sets have no place in a Grounded study'));
    assert.ok(lines.includes('  P01: CRLF line ends became LF; positions converted'));
  });

  it('says in the notification how many items were not imported and where they are listed', () => {
    assert.equal(
      importHeadline(summary),
      '1 transcript(s), 3 coding(s), 4 code(s); 8 item(s) could not be imported (listed in the output)',
    );
    assert.equal(importHeadline({ ...summary, notImported: [] }), '1 transcript(s), 3 coding(s), 4 code(s)');
  });

  it('lists the codes a codebook import added and the ones the codebook already had', () => {
    const merge = mergeRefiCodebook({ codes: [{ id: 'trust', name: 'Trust' }] }, [
      {
        name: 'trust',
        isCodable: true,
        noteRefs: [],
        children: [{ name: 'Broken trust', isCodable: true, noteRefs: [], children: [] }],
      },
    ]);
    assert.deepEqual(codebookMergeReport('shared.qdc', 'codebook.yaml', merge, []), [
      'Imported the codebook shared.qdc into codebook.yaml: added 1 code(s), skipped 1 the codebook already has',
      '  + "Broken trust" [broken-trust] under trust',
      '  = "trust" is [trust] already (same name); left as it is',
    ]);
  });
});
