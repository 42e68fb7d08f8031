import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadStudy } from '../../../../src/core/index';
import { exportTargetRefusal } from '../../../../src/extension/analysis-panel/export-file';
import { NodeFileSystem, pathToUri } from '../../../../src/node/node-file-system';
import { cleanStudy, tempFolder, write } from '../../cli/helpers';

describe('exports from the analysis panel never replace study files', () => {
  it('refuses the codebook, a sidecar, a transcript, grounded.yaml, a memo and the survey, also through links', async () => {
    const folder = cleanStudy();
    write(folder, 'survey.csv', 'participant_id,group\nP01,a\n');
    write(folder, 'memos/idea.md', '# Idea\n');
    symlinkSync(join(folder, 'codebook.yaml'), join(folder, 'export.csv'));
    const outside = tempFolder();
    symlinkSync(folder, join(outside, 'linked-study'));
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(folder));
    const refusal = (path: string) => exportTargetRefusal(fs, study, pathToUri(path));
    assert.match((await refusal(join(folder, 'codebook.yaml'))) ?? '', /the study's codebook/);
    assert.match((await refusal(join(folder, 'transcripts/P01.amara.codes.yaml'))) ?? '', /coding file/);
    assert.match((await refusal(join(folder, 'transcripts/P01.txt'))) ?? '', /transcript/);
    assert.match((await refusal(join(folder, 'grounded.yaml'))) ?? '', /settings/);
    assert.match((await refusal(join(folder, 'memos/idea.md'))) ?? '', /memo/);
    assert.match((await refusal(join(folder, 'survey.csv'))) ?? '', /survey/);
    assert.match((await refusal(join(folder, 'export.csv'))) ?? '', /the study's codebook/);
    assert.match((await refusal(join(outside, 'linked-study/codebook.yaml'))) ?? '', /the study's codebook/);
    assert.equal(await refusal(join(folder, 'report.md')), undefined);
    assert.equal(await refusal(join(outside, 'table.csv')), undefined);
  });
});
