import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { basenameUri, dirnameUri, isInside, joinUri, normalizeUri, relativeUri, stemOf } from '../../../src/core/uri';
import { NodeFileSystem, pathToUri, uriToPath } from '../../../src/node/node-file-system';
import { addCodings, editCoding, sidecarUriFor } from '../../../src/core/study/coding-operations';
import { codebookEdits, editCodebook } from '../../../src/core/study/codebook-operations';
import { loadStudy } from '../../../src/core/study/load-study';
import { CODEBOOK, TRANSCRIPT, memoryFixture, nodeFixture, rangeOf } from './helpers';

const FOLDER_NAMES = [
  'My Study (2024)',
  'Études – 𝔘nïcode 日本',
  '100% sure #1 ?x',
  "it's [draft] & co",
  'a%20b literal',
  'bad %zz escape',
  'semi;colon,comma=equals+plus',
];
const TRANSCRIPT_PATH = 'Interviews 2024/P07 (final) #2.txt';

describe('URI helpers', () => {
  it('normalizeUri percent-encodes each segment once and resolves . and ..', () => {
    assert.equal(normalizeUri('file:///home/me/My%20Study/./a/../P01.txt'), 'file:///home/me/My%20Study/P01.txt');
    assert.equal(normalizeUri('file:///home/me/My Study/P01.txt'), 'file:///home/me/My%20Study/P01.txt');
    assert.equal(normalizeUri('file:///x/%C3%A9t%C3%A9'), normalizeUri('file:///x/été'));
    assert.equal(
      normalizeUri('vscode-vfs://github/owner/repo/a%2Fb'),
      'vscode-vfs://github/owner/repo/a%2Fb',
      'an encoded slash stays inside its segment',
    );
    assert.equal(normalizeUri('memory:/study//x'), 'memory:/study/x');
    for (const uri of ['file:///a/b%25c', 'file:///a/%E6%97%A5', 'memory:/s/P%2001.txt'])
      assert.equal(normalizeUri(normalizeUri(uri)), normalizeUri(uri));
    assert.throws(() => normalizeUri('/not/a/uri'), /Not a URI/);
  });

  it('joinUri takes plain relative paths; dirname, basename, stem, relative and inside agree', () => {
    const root = 'file:///home/me/My%20Study';
    const uri = joinUri(root, 'Interviews 2024', 'P07 100%.txt');
    assert.equal(uri, 'file:///home/me/My%20Study/Interviews%202024/P07%20100%25.txt');
    assert.equal(basenameUri(uri), 'P07 100%.txt');
    assert.equal(stemOf(basenameUri(uri)), 'P07 100%');
    assert.equal(stemOf('.hidden'), '.hidden');
    assert.equal(dirnameUri(uri), 'file:///home/me/My%20Study/Interviews%202024');
    assert.equal(relativeUri(root, uri), 'Interviews 2024/P07 100%.txt');
    assert.equal(relativeUri(root, root), '');
    assert.equal(isInside(root, uri), true);
    assert.equal(
      isInside(root, 'file:///home/me/My%20Study%202/x.txt'),
      false,
      'a sibling with a longer name is not inside',
    );
    assert.equal(isInside(root, 'memory:/home/me/My%20Study/x'), false, 'another scheme is not inside');
    assert.equal(joinUri(root, '../Other/x.txt'), 'file:///home/me/Other/x.txt');
    assert.equal(joinUri('vscode-vfs://github/o/r', 'a b.txt'), 'vscode-vfs://github/o/r/a%20b.txt');
  });

  it('MemoryFileSystem lists decoded names, so files with spaces and % load like on disk', async () => {
    const study = await memoryFixture({
      'codebook.yaml': CODEBOOK,
      [TRANSCRIPT_PATH]: TRANSCRIPT,
      '100% sure.txt': 'x',
    });
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(
      loaded.transcripts.map((t) => t.path),
      ['100% sure.txt', TRANSCRIPT_PATH],
    );
    assert.equal(loaded.transcripts[1]?.uri, study.uri(TRANSCRIPT_PATH));
  });

  for (const folderName of FOLDER_NAMES) {
    it(`a study in "${folderName}/" works end to end on the real file system`, async () => {
      const study = await nodeFixture({ 'codebook.yaml': CODEBOOK, [TRANSCRIPT_PATH]: TRANSCRIPT }, folderName);
      try {
        const folder = uriToPath(study.root);
        assert.equal(
          folder.slice(folder.length - folderName.length),
          folderName,
          'the URI maps back to the exact folder',
        );
        assert.equal(pathToUri(folder), study.root);
        assert.equal(normalizeUri(study.root), study.root);
        assert.equal(
          pathToUri(join(folder, TRANSCRIPT_PATH)),
          study.uri(TRANSCRIPT_PATH),
          'pathToUri and joinUri give the same string',
        );

        const fs = new NodeFileSystem();
        const transcript = await study.transcript(TRANSCRIPT_PATH);
        const [added] = await addCodings(fs, transcript, 'amara', [
          { id: 'c1', code: 'burnout', ...rangeOf(TRANSCRIPT, 'close to burning out') },
        ]);
        assert.ok(added);
        await editCoding(fs, transcript, 'amara', 'c1', { memo: 'in "quotes" 100%' });
        await editCodebook(fs, study.uri('codebook.yaml'), (c) => codebookEdits.add(c, 'sleep', { name: 'Sleep' }));

        const sidecarPath = join(folder, 'Interviews 2024', 'P07 (final) #2.amara.codes.yaml');
        assert.ok(existsSync(sidecarPath), 'the sidecar sits next to the transcript, under its real name');
        assert.equal(uriToPath(sidecarUriFor(transcript.uri, 'amara')), sidecarPath);
        assert.deepEqual(
          readdirSync(join(folder, 'Interviews 2024')).sort(),
          ['P07 (final) #2.amara.codes.yaml', 'P07 (final) #2.txt'],
          'no temp file, nothing misnamed',
        );
        assert.deepEqual(readdirSync(folder).sort(), ['Interviews 2024', 'codebook.yaml']);

        const loaded = await loadStudy(fs, study.root);
        assert.deepEqual(loaded.problems, []);
        assert.equal(loaded.root, study.root);
        assert.deepEqual(
          loaded.transcripts.map((t) => [t.path, t.participant]),
          [[TRANSCRIPT_PATH, 'P07 (final) #2']],
        );
        const sidecar = loaded.transcripts[0]?.sidecars[0];
        assert.equal(sidecar?.uri, pathToUri(sidecarPath));
        assert.equal(sidecar?.sidecar.transcript, 'P07 (final) #2.txt');
        assert.deepEqual(
          sidecar?.sidecar.codings.map((c) => [c.id, c.quote, c.memo]),
          [['c1', 'close to burning out', 'in "quotes" 100%']],
        );
        assert.ok(loaded.codebook.codes.some((c) => c.id === 'sleep'));
      } finally {
        await study.cleanup();
      }
    });
  }
});
