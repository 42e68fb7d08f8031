import assert from 'node:assert/strict';
import { loadStudy } from '../../../../src/core/study/load-study';
import { participantOf } from '../../../../src/core/study/participants';
import { detectStudy } from '../../../../src/core/study/detect-study';
import { walkStudy } from '../../../../src/core/study/walk';
import { addCodings } from '../../../../src/core/study/coding-operations';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings/format';
import { symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ADAPTERS,
  CODEBOOK,
  TRANSCRIPT,
  bytesEqual,
  memoryFixture,
  nodeFixture,
  places,
  rangeOf,
  utf8,
} from '../helpers';
import { hashText } from '../../../../src/core/text/hash';
import type { FileSystemPort } from '../../../../src/core/ports/file-system';

const MENTOR = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met');
const BURNOUT = rangeOf(TRANSCRIPT, 'close to burning out');

describe('loadStudy', () => {
  it('uses the default settings without grounded.yaml: transcripts anywhere, memos, codebook at the root', async () => {
    const study = await memoryFixture({
      'codebook.yaml': CODEBOOK,
      'P01.txt': 'one',
      'interviews/2024/P02.txt': 'two',
      'memos/notes.txt': 'not a transcript: memos are excluded',
      'memos/mentors.md': '---\ntitle: Mentors\ncodes: [mentoring]\n---\nBody\n',
      'node_modules/pkg/README.txt': 'never a transcript',
      '.git/HEAD.txt': 'never a transcript',
      'notes.md': 'not a transcript either',
    });
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(loaded.settings, DEFAULT_SETTINGS);
    assert.equal(loaded.settingsUri, undefined);
    assert.equal(loaded.codebookUri, study.uri('codebook.yaml'));
    assert.equal(loaded.codebookLoaded, true);
    assert.equal(loaded.codebook.codes.length, 4);
    assert.deepEqual(
      loaded.transcripts.map((t) => [t.path, t.participant, t.text]),
      [
        ['P01.txt', 'P01', 'one'],
        ['interviews/2024/P02.txt', 'P02', 'two'],
      ],
    );
    assert.deepEqual(
      loaded.memos.map((m) => [m.title, m.codes]),
      [['Mentors', ['mentoring']]],
    );
    assert.deepEqual(loaded.problems, []);
  });

  it('loads a study without a codebook file as an empty codebook (which may be written)', async () => {
    const study = await memoryFixture({ 'P01.txt': 'x' });
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(loaded.codebook, { codes: [] });
    assert.equal(loaded.codebookLoaded, true);
  });

  it('follows grounded.yaml: transcript globs, exclusions, codebook path', async () => {
    const study = await memoryFixture({
      'grounded.yaml':
        'grounded: 1\ntranscripts: ["interviews/**/*.txt", "extra/*.md"]\nexclude: ["interviews/drafts/**"]\ncodebook: codes/book.yaml\n',
      'codes/book.yaml': CODEBOOK,
      'interviews/P01.txt': 'a',
      'interviews/drafts/P02.txt': 'draft',
      'extra/P03.md': 'b',
      'P04.txt': 'outside the globs',
    });
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.settingsUri, study.uri('grounded.yaml'));
    assert.equal(loaded.codebookUri, study.uri('codes/book.yaml'));
    assert.equal(loaded.codebook.codes.length, 4);
    assert.deepEqual(
      loaded.transcripts.map((t) => t.path),
      ['extra/P03.md', 'interviews/P01.txt'],
    );
  });

  it('reports a broken grounded.yaml with its place and falls back to the defaults', async () => {
    const study = await memoryFixture({ 'grounded.yaml': 'grounded: 1\ntranscript: ["*.txt"]\n', 'P01.txt': 'x' });
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(places(loaded.problems), [{ kind: 'unknown-key', line: 2, column: 1, file: 'grounded.yaml' }]);
    assert.deepEqual(loaded.settings, DEFAULT_SETTINGS);
    assert.equal(loaded.transcripts.length, 1);
    const badPattern = await memoryFixture({ 'grounded.yaml': 'participants:\n  pattern: "(unclosed"\n' });
    assert.deepEqual(places((await loadStudy(badPattern.fs, badPattern.root)).problems), [
      { kind: 'schema', line: 2, column: 12, file: 'grounded.yaml' },
    ]);
  });

  describe('participants', () => {
    it('maps transcripts to participants: named group, first group, whole match, overrides, no match', async () => {
      const study = await memoryFixture({
        'grounded.yaml': [
          'participants:',
          '  pattern: "^(?:interview-(\\\\d+)|(?<id>P\\\\d+)_.*)$"',
          '  overrides:',
          '    odd/Pilot.txt: P99',
        ].join('\n'),
        'P07_2024-03-01.txt': 'a',
        'interview-12.txt': 'b',
        'odd/Pilot.txt': 'c',
        'Focus group.txt': 'd',
      });
      const loaded = await loadStudy(study.fs, study.root);
      assert.deepEqual(Object.fromEntries(loaded.transcripts.map((t) => [t.path, t.participant])), {
        'Focus group.txt': undefined,
        'P07_2024-03-01.txt': 'P07',
        'interview-12.txt': '12',
        'odd/Pilot.txt': 'P99',
      });
      assert.deepEqual(places(loaded.problems), [
        { kind: 'no-participant', line: 0, column: 0, file: 'Focus%20group.txt' },
      ]);
      assert.equal(loaded.problems[0]?.severity, 'warning');
      assert.match(loaded.problems[0]?.hint ?? '', /Focus group\.txt: <participant id>/);
    });

    it('participantOf: the named group wins over the first group; whole match without groups; stem without a pattern', () => {
      const none = { overrides: {} };
      assert.equal(participantOf('a/P07-x.txt', { ...none, pattern: '^(x)?(?<id>P\\d+)' }), 'P07');
      assert.equal(participantOf('a/int-3.txt', { ...none, pattern: 'int-(\\d+)' }), '3');
      assert.equal(participantOf('a/P07b.txt', { ...none, pattern: 'P\\d+' }), 'P07');
      assert.equal(participantOf('a/P07.v2.txt', none), 'P07.v2');
      assert.equal(participantOf('a/Z.txt', { ...none, pattern: 'P\\d+' }), undefined);
      assert.equal(participantOf('a/Z.txt', { pattern: 'P\\d+', overrides: { 'a/Z.txt': 'P00' } }), 'P00');
    });
  });

  it('attaches sidecars to their transcript by folder and stem; a stray sidecar is a no-transcript warning', async () => {
    const study = await memoryFixture({
      'codebook.yaml': CODEBOOK,
      'a/P07.txt': TRANSCRIPT,
      'b/P07.txt': 'other text',
    });
    await addCodings(study.fs, await study.transcript('a/P07.txt'), 'amara', [
      { id: 'x', code: 'burnout', ...BURNOUT },
    ]);
    await study.write('b/P08.amara.codes.yaml', new TextDecoder().decode(await study.read('a/P07.amara.codes.yaml')));
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(
      loaded.transcripts.map((t) => [t.path, t.sidecars.map((s) => s.coder)]),
      [
        ['a/P07.txt', ['amara']],
        ['b/P07.txt', []],
      ],
    );
    assert.deepEqual(places(loaded.problems), [
      { kind: 'no-transcript', line: 0, column: 0, file: 'P08.amara.codes.yaml' },
    ]);
    assert.equal(loaded.problems[0]?.uri, study.uri('b/P08.amara.codes.yaml'));
    assert.equal(loaded.problems[0]?.severity, 'warning');
  });

  it('a transcript that does not decode is one encoding problem; its sidecar is not called a stray', async () => {
    const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    await addCodings(study.fs, await study.transcript('P07.txt'), 'amara', [{ id: 'x', code: 'burnout', ...BURNOUT }]);
    const sidecar = await study.read('P07.amara.codes.yaml');
    await study.write('P07.txt', new Uint8Array([...utf8('Caf'), 0xe9, ...utf8('\n')]));
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(places(loaded.problems), [{ kind: 'encoding', line: 1, column: 4, file: 'P07.txt' }]);
    assert.deepEqual(loaded.transcripts, []);
    bytesEqual(await study.read('P07.amara.codes.yaml'), sidecar);
  });

  it('reports a coding whose code is not in the codebook at the coding’s line', async () => {
    const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    const transcript = await study.transcript('P07.txt');
    await addCodings(study.fs, transcript, 'amara', [
      { id: 'known', code: 'burnout', ...BURNOUT },
      { id: 'unknown', code: 'resilience', ...MENTOR },
    ]);
    const loaded = await loadStudy(study.fs, study.root);
    // MENTOR comes first in the file: lines 7–13; BURNOUT's coding starts on line 14.
    assert.deepEqual(places(loaded.problems), [
      { kind: 'unknown-code', line: 7, column: 5, file: 'P07.amara.codes.yaml' },
    ]);
    assert.match(loaded.problems[0]?.message ?? '', /"resilience"/);
    assert.equal(loaded.transcripts[0]?.sidecars[0]?.sidecar.codings.length, 2, 'the coding is still loaded');
  });

  for (const adapter of ADAPTERS) {
    it(`re-anchors codings in memory when the transcript was edited, and leaves the file alone (${adapter.name})`, async () => {
      const study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
      try {
        await addCodings(study.fs, await study.transcript('P07.txt'), 'amara', [
          { id: 'm', code: 'assigned-mentor', ...MENTOR },
          { id: 'b', code: 'burnout', ...BURNOUT },
        ]);
        const sidecarBytes = await study.read('P07.amara.codes.yaml');
        const edited =
          '[Transcribed 2026-03-02 by a service; lightly corrected]\n\n' +
          TRANSCRIPT.replace('the second year', 'my second year');
        await study.write('P07.txt', edited.replace(/\n/g, '\r\n'));
        const loaded = await loadStudy(study.fs, study.root);
        assert.deepEqual(loaded.problems, []);
        const sidecar = loaded.transcripts[0]?.sidecars[0];
        assert.ok(sidecar);
        assert.equal(sidecar.reanchored, true);
        assert.equal(sidecar.sidecar.textHash, hashText(edited));
        for (const coding of sidecar.sidecar.codings) {
          assert.equal(coding.status, undefined, coding.id);
          assert.equal(coding.quote, [...edited].slice(coding.start, coding.end).join(''), coding.id);
        }
        assert.deepEqual(
          sidecar.sidecar.codings.map((c) => [c.id, c.quote]),
          [
            ['m', 'My assigned mentor was a chief I had never met'],
            ['b', 'close to burning out'],
          ],
        );
        assert.equal(sidecar.lineOf.get('m'), 7);
        bytesEqual(await study.read('P07.amara.codes.yaml'), sidecarBytes, 'loading never writes');
        // Unchanged transcript: nothing to re-anchor.
        await study.write('P07.txt', TRANSCRIPT);
        assert.equal((await loadStudy(study.fs, study.root)).transcripts[0]?.sidecars[0]?.reanchored, false);
      } finally {
        await study.cleanup();
      }
    });
  }

  it('refuses a sidecar whose coder line disagrees with its file name, and warns about its transcript line', async () => {
    const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    const hash = hashText(TRANSCRIPT);
    await study.write(
      'P07.amara.codes.yaml',
      `# c\ngrounded: 1\ntranscript: P07.txt\ncoder: jonas\ntextHash: "${hash}"\ncodings: []\n`,
    );
    await study.write(
      'P07.jonas.codes.yaml',
      `# c\ngrounded: 1\ntranscript: P08.txt\ncoder: jonas\ntextHash: "${hash}"\ncodings: []\n`,
    );
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(
      loaded.problems.map((p) => [p.kind, p.uri.slice(p.uri.lastIndexOf('/') + 1), p.line, p.column, p.severity]),
      [
        ['coder-mismatch', 'P07.amara.codes.yaml', 4, 1, 'error'],
        ['transcript-mismatch', 'P07.jonas.codes.yaml', 0, 0, 'warning'],
      ],
    );
    assert.deepEqual(
      loaded.transcripts[0]?.sidecars.map((s) => s.coder),
      ['jonas'],
      'the mismatched file is not filed under either coder',
    );
  });

  it('reports memo problems and keeps loading', async () => {
    const study = await memoryFixture({
      'memos/a.md': '---\ntitle: [unclosed\n---\nx\n',
      'memos/b.md': '<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> b\n',
      'memos/c.md': '# Fine\n',
    });
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(
      places(loaded.problems).map((p) => [p.file, p.kind, p.line]),
      [
        ['a.md', 'yaml-syntax', 2],
        ['b.md', 'conflict-marker', 1],
        ['b.md', 'conflict-marker', 3],
        ['b.md', 'conflict-marker', 5],
      ],
    );
    assert.deepEqual(
      loaded.memos.map((m) => m.title),
      ['Fine'],
    );
  });

  it('never writes anything while loading', async () => {
    const files = {
      'codebook.yaml': CODEBOOK,
      'P07.txt': utf8(TRANSCRIPT.replace(/\n/g, '\r\n')),
      'P07.amara.codes.yaml': '<<<<<<< HEAD\n',
    };
    const study = await memoryFixture(files);
    const writes: string[] = [];
    const fs: FileSystemPort = {
      readFile: (uri) => study.fs.readFile(uri),
      stat: (uri) => study.fs.stat(uri),
      list: (uri) => study.fs.list(uri),
      writeFile: async (uri) => void writes.push(uri),
      replaceIfUnchanged: async (uri) => (writes.push(uri), true),
      lock: async (uri) => (writes.push(uri), async () => undefined),
      isWriteArtifact: () => false,
      delete: async (uri) => void writes.push(uri),
    };
    const loaded = await loadStudy(fs, study.root);
    assert.equal(loaded.problems.length, 1);
    assert.deepEqual(writes, []);
  });
});

describe('loadStudy and symbolic links', () => {
  it('reports linked study files and folders instead of skipping them silently, and follows none', async () => {
    const study = await nodeFixture({
      'codebook.yaml': CODEBOOK,
      'P01.txt': TRANSCRIPT,
      'elsewhere/P02.txt': TRANSCRIPT,
      'elsewhere/notes.md': 'not a study file',
      'elsewhere/more/P03.txt': TRANSCRIPT,
    });
    try {
      const path = (relative: string) => fileURLToPath(study.uri(relative));
      symlinkSync(path('elsewhere/P02.txt'), path('P02.txt'));
      symlinkSync(path('elsewhere/notes.md'), path('README.md'));
      symlinkSync(path('elsewhere/more'), path('linked'));
      symlinkSync(path('nowhere.txt'), path('P04.txt')); // dangling
      symlinkSync(path('elsewhere'), path('elsewhere/loop')); // a cycle
      const detected = await detectStudy(study.fs, study.root);
      assert.deepEqual(detected.transcripts, ['P01.txt', 'elsewhere/P02.txt', 'elsewhere/more/P03.txt']);
      const loaded = await loadStudy(study.fs, study.root, {});
      assert.deepEqual(
        loaded.problems.map((p) => [p.kind, p.uri.slice(study.root.length + 1), p.severity]),
        [
          ['symlink', 'P02.txt', 'error'],
          ['symlink', 'P04.txt', 'error'],
          ['symlink', 'elsewhere/loop', 'warning'],
          ['symlink', 'linked', 'warning'],
        ],
      );
      assert.deepEqual(
        loaded.transcripts.map((t) => t.path),
        ['P01.txt', 'elsewhere/P02.txt', 'elsewhere/more/P03.txt'],
      );
    } finally {
      await study.cleanup();
    }
  });
});

describe('walkStudy', () => {
  it('sets apart the files the adapter writes only while writing (its isWriteArtifact), links and study files', async () => {
    const study = await nodeFixture({
      'P01.txt': TRANSCRIPT,
      'transcripts/.P01.amara.codes.yaml.k3j9x2ab.tmp': 'half a sidecar',
      '.hidden-notes.txt': 'a dot file of the person, not ours',
    });
    try {
      assert.deepEqual(await walkStudy(study.fs, study.root), {
        files: ['.hidden-notes.txt', 'P01.txt'],
        links: [],
        artifacts: ['transcripts/.P01.amara.codes.yaml.k3j9x2ab.tmp'],
      });
      assert.deepEqual(await study.files(), [
        '.hidden-notes.txt',
        'P01.txt',
        'transcripts/.P01.amara.codes.yaml.k3j9x2ab.tmp',
      ]);
    } finally {
      await study.cleanup();
    }
  });
});
