import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hashText } from '../../src/core/text/hash';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar/format';
import type { GroundedServices } from '../../src/extension/services';
import type { ExplorerBadges } from '../../src/extension/transcripts/explorer-badges';
import { encode, services, untilStudyLoads, waitFor } from './support';

// Staying correct: every problem of a study becomes a Diagnostic on its file, with line and column, and
// Grounded never rewrites a file it could not read. A small study of our own in a dot-folder.

const TEXT = '[00:00:05] Interviewer: How did you find your mentor?\n\n[00:00:12] T03: I found her myself.\n';
const QUOTE = 'I found her myself.';

const grounded = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Grounded');

function goodSidecar(): string {
  const start = TEXT.indexOf(QUOTE);
  return serializeSidecar({
    transcript: 'T3.txt',
    coder: 'tester',
    textHash: hashText(TEXT),
    codings: [
      { id: 'c1', code: 'found', start, end: start + QUOTE.length, quote: QUOTE, prefix: '', suffix: '', by: 'tester' },
    ],
  });
}

describe('diagnostics: study problems on their files', function () {
  this.timeout(30_000);
  let services_: GroundedServices;
  let folder: vscode.Uri;
  let sidecar: vscode.Uri;

  before(async () => {
    services_ = await services();
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace);
    folder = vscode.Uri.joinPath(workspace.uri, '.grounded-fixture-diagnostics');
    sidecar = vscode.Uri.joinPath(folder, 'transcripts/T3.tester.codes.yaml');
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'codebook.yaml'),
      encode('grounded: 1\ncodes:\n  - id: found\n    name: Found\n'),
    );
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'transcripts/T3.txt'), encode(TEXT));
    await vscode.workspace.fs.writeFile(sidecar, encode(goodSidecar()));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      encode('grounded: 1\ntranscripts:\n  - transcripts/*.txt\n'),
    );
    await untilStudyLoads(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      async () =>
        (await services_.studies.transcriptFor(vscode.Uri.joinPath(folder, 'transcripts/T3.txt')))?.transcript.sidecars
          .length === 1,
    );
  });

  after(async () => {
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  /** Writes a sidecar, waits for its diagnostics, and checks the file was left exactly as written. */
  async function breakWith(content: string, kind: string): Promise<vscode.Diagnostic[]> {
    const bytes = encode(content);
    await vscode.workspace.fs.writeFile(sidecar, bytes);
    const diagnostics = await waitFor(`a ${kind} diagnostic`, () => {
      const found = grounded(sidecar);
      return found.some((d) => d.code === kind) && found;
    });
    // A reload or two later, still byte-identical: nothing rewrites a file that failed to load.
    const root = (await services_.studies.studyFor(sidecar))!.root;
    await services_.studies.reload(root);
    assert.ok(
      Buffer.from(await vscode.workspace.fs.readFile(sidecar)).equals(Buffer.from(bytes)),
      'the sidecar was rewritten',
    );
    return diagnostics;
  }

  async function fix(): Promise<void> {
    await vscode.workspace.fs.writeFile(sidecar, encode(goodSidecar()));
    await waitFor('the diagnostics to clear', () => grounded(sidecar).length === 0);
  }

  it('reports an unknown key at its line and column, and clears it once fixed', async () => {
    const broken = goodSidecar().replace('    end:', '    colour: red\n    end:');
    const line = broken.split('\n').findIndex((text) => text.startsWith('    colour:'));
    const [diagnostic] = await breakWith(broken, 'unknown-key');
    assert.ok(diagnostic);
    // The core places the problem (here: at the key's value); the diagnostic must start exactly there.
    const parsed = parseSidecar('file:///x/T3.tester.codes.yaml', broken);
    assert.ok(!parsed.ok);
    const problem = parsed.problems[0]!;
    assert.equal(problem.line, line + 1);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'Grounded');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [line, problem.column - 1]);
    assert.match(diagnostic.message, /unknown key "colour"/);
    const badges = services_.testHooks?.['badges'] as ExplorerBadges | undefined;
    if (badges)
      assert.ok(
        badges.provideFileDecoration(sidecar)?.color instanceof vscode.ThemeColor,
        'the broken sidecar is coloured in the explorer',
      );
    await fix();
    if (badges) assert.equal(badges.provideFileDecoration(sidecar), undefined);
  });

  it('reports a YAML syntax error with its place', async () => {
    const broken = goodSidecar().replace('    start: ', '    start: [1, ');
    const line = broken.split('\n').findIndex((text) => text.startsWith('    start: [1, '));
    const diagnostics = await breakWith(broken, 'yaml-syntax');
    assert.ok(diagnostics.every((d) => d.code === 'yaml-syntax'));
    assert.ok(
      diagnostics.some((d) => d.range.start.line >= line),
      `a syntax error at or after line ${line + 1}: ${diagnostics.map((d) => d.range.start.line).join(', ')}`,
    );
    await fix();
  });

  it('reports each git conflict marker on its line', async () => {
    const good = goodSidecar().split('\n');
    const at = good.findIndex((text) => text.startsWith('  - id:'));
    const conflicted = [
      ...good.slice(0, at),
      '<<<<<<< HEAD',
      ...good.slice(at, -1),
      '=======',
      '  - id: c2',
      '>>>>>>> amara-branch',
      '',
    ].join('\n');
    const diagnostics = await breakWith(conflicted, 'conflict-marker');
    const lines = conflicted.split('\n');
    const expected = ['<<<<<<< HEAD', '=======', '>>>>>>> amara-branch'].map((marker) => lines.indexOf(marker));
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character]),
      expected.map((line) => [line, 0]),
    );
    await fix();
  });

  it('reports a coder line that is not the coder of the file name, at that line', async () => {
    const broken = goodSidecar().replace('coder: tester', 'coder: jonas');
    const line = broken.split('\n').findIndex((text) => text.startsWith('coder:'));
    const [diagnostic] = await breakWith(broken, 'coder-mismatch');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([diagnostic!.range.start.line, diagnostic!.range.start.character], [line, 0]);
    await fix();
  });

  it('puts whole-file problems at the start of the file', async () => {
    const stray = vscode.Uri.joinPath(folder, 'transcripts/Gone.tester.codes.yaml');
    await vscode.workspace.fs.writeFile(stray, encode(goodSidecar().replace('T3.txt', 'Gone.txt')));
    const [diagnostic] = await waitFor('a no-transcript warning', () => grounded(stray).length > 0 && grounded(stray));
    assert.equal(diagnostic!.code, 'no-transcript');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([diagnostic!.range.start.line, diagnostic!.range.start.character], [0, 0]);
    await vscode.workspace.fs.delete(stray);
    await waitFor('the warning to clear', () => grounded(stray).length === 0);
  });
});
