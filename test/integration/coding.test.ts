// Coding commands in a real VS Code: each test runs a command with arguments that bypass the pickers,
// then checks the sidecar on disk, the live codings, and the refusals.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as os from 'node:os';
import * as path from 'node:path';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import type { GroundedServices } from '../../src/extension/services';
import type { Coding, Sidecar } from '../../src/core/model';
import { parseSidecar } from '../../src/core/sidecar/format';
import { parseCodebook } from '../../src/core/codebook/format';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';

const TRANSCRIPT = [
  '[00:00:05] Interviewer: How were you assigned a mentor?',
  '',
  '[00:00:12] P01: 🙂 The program gave us a list. My assigned mentor was a chief I had never met! I found my own people. An attending stayed after rounds and walked through cases with me.',
  '',
  '[00:01:40] P01: During the second year I was close to burning out, sleeping four hours, skipping meals.',
  '',
].join('\n');

const CODEBOOK = [
  'grounded: 1',
  'codes:',
  '  - id: mentoring',
  '    name: Mentoring',
  '  - id: assigned-mentor',
  '    name: Assigned mentor',
  '    parent: mentoring',
  '    color: "#4e79a7"',
  '    definition: A mentor the program chose',
  '  - id: found-own',
  '    name: Found own mentor',
  '    parent: mentoring',
  '  - id: burnout',
  '    name: Burnout',
  '    color: "#e15759"',
  '  - id: time-pressure',
  '    name: Time pressure',
  '',
].join('\n');

const CODER = 'tester';
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let services: GroundedServices;
let root: vscode.Uri;

function file(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(root, ...parts);
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

async function read(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** Code-point range of the first occurrence of a fragment (after the emoji, code points ≠ UTF-16 units). */
function range(text: string, fragment: string): { start: number; end: number } {
  const index = text.indexOf(fragment);
  assert.ok(index >= 0, `"${fragment}" is not in the transcript`);
  const start = Array.from(text.slice(0, index)).length;
  return { start, end: start + Array.from(fragment).length };
}

function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

async function sidecar(name: string): Promise<Sidecar> {
  const uri = file('transcripts', `${name}.${CODER}.codes.yaml`);
  const parsed = parseSidecar(fromVscodeUri(uri), await read(uri));
  assert.ok(parsed.ok, `sidecar ${name} does not parse`);
  return parsed.value.sidecar;
}

async function codingsOf(name: string, code?: string): Promise<Coding[]> {
  const { codings } = await sidecar(name);
  return code === undefined ? [...codings] : codings.filter((c) => c.code === code);
}

async function openTranscript(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(file('transcripts', `${name}.txt`), { preview: false });
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('coding commands', function () {
  this.timeout(30_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
    assert.ok(extension, 'Grounded is not loaded');
    services = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    root = vscode.Uri.joinPath(folder.uri, `coding-it-${Date.now().toString(36)}`);
    await vscode.workspace.getConfiguration('grounded').update('coder', CODER, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('grounded').update('quickCodes', [], vscode.ConfigurationTarget.Workspace);
    await write(file('codebook.yaml'), CODEBOOK);
    for (const name of ['P01', 'P02', 'P03', 'P04', 'P05']) await write(file('transcripts', `${name}.txt`), TRANSCRIPT);
    await write(file('grounded.yaml'), 'grounded: 1\ntranscripts: ["transcripts/*.txt"]\n');
    const studyRoot = fromVscodeUri(root);
    await until(async () => (await services.studies.studyRoots()).includes(studyRoot), 'the test study to be found');
    await services.studies.reload(studyRoot);
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(root, { recursive: true, useTrash: false });
  });

  beforeEach(closeAllEditors);

  it('codes a selection: the quote is the text at the code-point offsets, even after an emoji', async () => {
    const editor = await openTranscript('P01');
    const target = range(TRANSCRIPT, 'assigned mentor');
    // A selection in the editor (UTF-16 positions), a little too wide: the spaces are trimmed.
    const text = editor.document.getText();
    const from = text.indexOf(' assigned mentor ');
    editor.selection = new vscode.Selection(
      editor.document.positionAt(from),
      editor.document.positionAt(from + ' assigned mentor '.length),
    );
    const added = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
      codes: ['assigned-mentor'],
    });
    assert.equal(added.length, 1);
    const [coding] = await codingsOf('P01', 'assigned-mentor');
    assert.ok(coding);
    assert.deepEqual({ start: coding.start, end: coding.end }, target);
    assert.equal(coding.quote, 'assigned mentor');
    assert.equal(codePointSlice(TRANSCRIPT, coding.start, coding.end), coding.quote);
    assert.equal(coding.by, CODER);
    const live = services.live.get(editor.document);
    assert.ok(
      live?.codings.some((entry) => entry.coding.id === coding.id),
      'LiveCodings did not pick up the new coding',
    );
  });

  it('codes several selections with several codes at once', async () => {
    const editor = await openTranscript('P02');
    const a = range(TRANSCRIPT, 'close to burning out');
    const b = range(TRANSCRIPT, 'sleeping four hours');
    const toSelection = (r: { start: number; end: number }) => {
      const live = services.live.get(editor.document);
      assert.ok(live);
      return new vscode.Selection(live.text.toPosition(r.start), live.text.toPosition(r.end));
    };
    await until(() => services.live.get(editor.document), 'P02 to be tracked');
    editor.selections = [toSelection(a), toSelection(b)];
    const added = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
      codes: ['burnout', 'time-pressure'],
    });
    assert.equal(added.length, 4);
    const codings = await codingsOf('P02');
    assert.deepEqual(codings.map((c) => `${c.code}:${c.quote}`).sort(), [
      'burnout:close to burning out',
      'burnout:sleeping four hours',
      'time-pressure:close to burning out',
      'time-pressure:sleeping four hours',
    ]);
  });

  it('codes the sentence at each bare cursor', async () => {
    const editor = await openTranscript('P05');
    const live = await until(() => services.live.get(editor.document), 'P05 to be tracked');
    const cursor = (fragment: string) => {
      const position = live.text.toPosition(range(TRANSCRIPT, fragment).start);
      return new vscode.Selection(position, position);
    };
    editor.selections = [cursor('chief'), cursor('attending')];
    const added = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', { codes: ['found-own'] });
    assert.deepEqual(added.map((c) => c.quote).sort(), [
      'An attending stayed after rounds and walked through cases with me.',
      'My assigned mentor was a chief I had never met!',
    ]);
  });

  it('refuses a code that is not in the codebook', async () => {
    await assert.rejects(
      async () =>
        vscode.commands.executeCommand('grounded.codeSelection', {
          codes: ['no-such-code'],
          uri: file('transcripts', 'P01.txt'),
          ranges: [range(TRANSCRIPT, 'list')],
        }),
      /Not in the codebook: no-such-code/,
    );
  });

  it('quick codes: a pinned key, and free keys filled with recent codes', async () => {
    const pinned = await vscode.commands.executeCommand<string[]>('grounded.pinQuickCode', {
      slot: 1,
      code: 'found-own',
    });
    assert.deepEqual(pinned, ['found-own']);
    const uri = file('transcripts', 'P03.txt');
    const first = await vscode.commands.executeCommand<Coding[]>('grounded.quickCode1', {
      uri,
      ranges: [range(TRANSCRIPT, 'I found my own people.')],
    });
    assert.equal(first[0]?.code, 'found-own');
    // Key 2 holds the most recently used code that is not pinned (time-pressure or burnout, coded together above).
    const second = await vscode.commands.executeCommand<Coding[]>('grounded.quickCode2', {
      uri,
      ranges: [range(TRANSCRIPT, 'skipping meals')],
    });
    assert.ok(['burnout', 'time-pressure'].includes(second[0]?.code ?? ''), `key 2 coded ${second[0]?.code}`);
    const codes = (await codingsOf('P03')).map((c) => c.code).sort();
    assert.deepEqual(codes, ['found-own', second[0]!.code].sort());
    await vscode.commands.executeCommand('grounded.pinQuickCode', { slot: 1, code: null });
    assert.deepEqual(vscode.workspace.getConfiguration('grounded').get('quickCodes'), []);
  });

  it('codes in vivo: the words become a code in codebook.yaml', async () => {
    const r = range(TRANSCRIPT, 'walked through cases');
    const added = await vscode.commands.executeCommand<Coding[]>('grounded.codeInVivo', {
      uri: file('transcripts', 'P01.txt'),
      ranges: [r],
    });
    assert.equal(added[0]?.code, 'walked-through-cases');
    const codebook = parseCodebook(fromVscodeUri(file('codebook.yaml')), await read(file('codebook.yaml')));
    assert.ok(codebook.ok);
    assert.equal(codebook.value.codes.find((c) => c.id === 'walked-through-cases')?.name, 'walked through cases');
    const [coding] = await codingsOf('P01', 'walked-through-cases');
    assert.deepEqual({ start: coding?.start, end: coding?.end }, r);
  });

  it('removes, changes the code of, and writes a memo on a coding', async () => {
    const uri = file('transcripts', 'P04.txt');
    const [a, b] = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
      codes: ['burnout'],
      uri,
      ranges: [range(TRANSCRIPT, 'burning out'), range(TRANSCRIPT, 'a chief')],
    });
    assert.ok(a && b);
    await vscode.commands.executeCommand('grounded.changeCode', { uri, id: a.id, code: 'time-pressure' });
    await vscode.commands.executeCommand('grounded.editMemo', { uri, id: a.id, memo: 'tiredness or workload?' });
    let codings = await codingsOf('P04');
    const changed = codings.find((c) => c.id === a.id);
    assert.equal(changed?.code, 'time-pressure');
    assert.equal(changed?.memo, 'tiredness or workload?');
    assert.equal(changed?.quote, 'burning out');
    await vscode.commands.executeCommand('grounded.editMemo', { uri, id: a.id, memo: '' });
    await vscode.commands.executeCommand('grounded.removeCoding', { uri, id: b.id });
    codings = await codingsOf('P04');
    assert.deepEqual(
      codings.map((c) => c.id),
      [a.id],
    );
    assert.equal(codings[0]?.memo, undefined);
  });

  it('adjusts a coding to its sentence, its speaker turn, and a selection', async () => {
    const uri = file('transcripts', 'P04.txt');
    const [coding] = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
      codes: ['assigned-mentor'],
      uri,
      ranges: [range(TRANSCRIPT, 'chief')],
    });
    assert.ok(coding);
    const sentence = await vscode.commands.executeCommand<Coding>('grounded.adjustCoding', {
      uri,
      id: coding.id,
      to: 'sentence',
    });
    assert.equal(sentence.quote, 'My assigned mentor was a chief I had never met!');
    const turn = await vscode.commands.executeCommand<Coding>('grounded.adjustCoding', {
      uri,
      id: coding.id,
      to: 'turn',
    });
    assert.equal(
      turn.quote,
      '🙂 The program gave us a list. My assigned mentor was a chief I had never met! I found my own people. An attending stayed after rounds and walked through cases with me.',
    );
    const onDisk = (await codingsOf('P04')).find((c) => c.id === coding.id);
    assert.equal(onDisk?.quote, turn.quote);
    assert.equal(codePointSlice(TRANSCRIPT, onDisk!.start, onDisk!.end), turn.quote);
    const selection = await vscode.commands.executeCommand<Coding>('grounded.adjustCoding', {
      uri,
      id: coding.id,
      to: 'selection',
      range: range(TRANSCRIPT, 'a chief I had never met'),
    });
    assert.equal(selection.quote, 'a chief I had never met');
  });

  it('moves the cursor to the next and previous coding, and to the next of the same code', async () => {
    const editor = await openTranscript('P02');
    const live = await until(() => services.live.get(editor.document), 'P02 to be tracked');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const starts = [...new Set(live.codings.map((c) => c.coding.start))].sort((x, y) => x - y);
    const next = await vscode.commands.executeCommand<number>('grounded.nextCoding');
    assert.equal(next, starts[0]);
    assert.deepEqual(editor.selection.active, live.text.toPosition(starts[0]!));
    assert.equal(await vscode.commands.executeCommand<number>('grounded.nextCoding'), starts[1]);
    assert.equal(await vscode.commands.executeCommand<number>('grounded.previousCoding'), starts[0]);
    assert.equal(
      await vscode.commands.executeCommand<number>('grounded.previousCoding'),
      starts[starts.length - 1],
      'previous wraps around',
    );
    const same = await vscode.commands.executeCommand<number>('grounded.nextCodingSameCode', { code: 'burnout' });
    assert.equal(same, starts[0], 'wraps to the first burnout coding');
  });

  it('with the sidecar open, a coding action is undone by ctrl+z in its editor', async () => {
    const sidecarUri = file('transcripts', `P05.${CODER}.codes.yaml`);
    const uri = file('transcripts', 'P05.txt');
    await vscode.commands.executeCommand('grounded.codeSelection', {
      codes: ['burnout'],
      uri,
      ranges: [range(TRANSCRIPT, 'skipping meals')],
    });
    const before = await read(sidecarUri);
    const sidecarEditor = await vscode.window.showTextDocument(sidecarUri, { preview: false });
    const [added] = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
      codes: ['time-pressure'],
      uri,
      ranges: [range(TRANSCRIPT, 'sleeping four hours')],
    });
    assert.ok(added);
    assert.ok(sidecarEditor.document.getText().includes(added.id), 'the open sidecar shows the new coding');
    assert.equal(sidecarEditor.document.isDirty, false, 'the edit was saved');
    assert.equal(await read(sidecarUri), sidecarEditor.document.getText());
    await vscode.window.showTextDocument(sidecarEditor.document, { preview: false });
    await vscode.commands.executeCommand('undo');
    assert.equal(sidecarEditor.document.getText(), before);
    await sidecarEditor.document.save();
    assert.equal(await read(sidecarUri), before);
  });

  it('never writes a dirty open sidecar behind its editor: the change goes into the editor', async () => {
    const sidecarUri = file('transcripts', `P05.${CODER}.codes.yaml`);
    const uri = file('transcripts', 'P05.txt');
    const document = await vscode.workspace.openTextDocument(sidecarUri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# my unsaved note\n'));
    assert.equal(document.isDirty, true);
    const [added] = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
      codes: ['found-own'],
      uri,
      ranges: [range(TRANSCRIPT, 'my own people')],
    });
    assert.ok(added);
    assert.ok(document.getText().includes(added.id));
    // The person's unsaved line was read with the document and saved along with the change.
    const onDisk = await read(sidecarUri);
    assert.equal(onDisk, document.getText());
    assert.ok((await codingsOf('P05')).some((c) => c.id === added.id));
  });

  it('a coding action through an open sidecar editor waits for the lock another process holds, then lands', async () => {
    // Another Grounded process (a terminal's `grounded code`, a second window) holds the sidecar's lock file.
    const sidecarUri = file('transcripts', `P02.${CODER}.codes.yaml`);
    const uri = file('transcripts', 'P02.txt');
    await vscode.commands.executeCommand('grounded.codeSelection', {
      codes: ['burnout'],
      uri,
      ranges: [range(TRANSCRIPT, 'skipping meals')],
    });
    const document = await vscode.workspace.openTextDocument(sidecarUri);
    await vscode.window.showTextDocument(document, { preview: false }); // the editor path: a WorkspaceEdit, not the disk
    const lockPath = path.join(path.dirname(sidecarUri.fsPath), `.P02.${CODER}.codes.yaml.lock`);
    const holder = { pid: process.ppid, host: os.hostname(), tool: 'grounded code', since: new Date().toISOString() };
    writeFileSync(lockPath, JSON.stringify(holder));
    let settled = false;
    const coding = Promise.resolve(
      vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
        codes: ['found-own'],
        uri,
        ranges: [range(TRANSCRIPT, 'my own people')],
      }),
    ).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(settled, false, 'the action waits while the other process holds the lock');
    assert.ok(!document.getText().includes('found-own'), 'nothing written meanwhile');
    rmSync(lockPath); // the other process finishes
    const [added] = await coding;
    assert.ok(added);
    assert.ok(document.getText().includes(added.id), 'written through the editor');
    assert.equal(await read(sidecarUri), document.getText(), 'and saved');
    assert.ok(!existsSync(lockPath), 'its own lock released');
  });

  it('undoLastCodingAction undoes an addition and a removal when the sidecar is not open', async () => {
    const uri = file('transcripts', 'P03.txt');
    const [added] = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
      codes: ['burnout'],
      uri,
      ranges: [range(TRANSCRIPT, 'second year')],
    });
    assert.ok(added);
    assert.ok((await codingsOf('P03')).some((c) => c.id === added.id));
    await vscode.commands.executeCommand('grounded.undoLastCodingAction');
    assert.ok(!(await codingsOf('P03')).some((c) => c.id === added.id), 'the addition was undone');

    const [victim] = await codingsOf('P03');
    assert.ok(victim);
    await vscode.commands.executeCommand('grounded.removeCoding', { uri, id: victim.id });
    assert.ok(!(await codingsOf('P03')).some((c) => c.id === victim.id));
    await vscode.commands.executeCommand('grounded.undoLastCodingAction');
    const restored = (await codingsOf('P03')).find((c) => c.id === victim.id);
    assert.deepEqual(restored, victim, 'the removed coding came back unchanged, same id');
  });

  it('a file the system refuses: a message naming it and the cause, no stack trace', async () => {
    // A folder where the sidecar goes: the rename over it fails with EISDIR, which root cannot bypass.
    const transcript = file('transcripts', 'P09.txt');
    const blocking = file('transcripts', `P09.${CODER}.codes.yaml`);
    await write(transcript, TRANSCRIPT);
    await vscode.workspace.fs.createDirectory(blocking);
    await services.studies.reload(fromVscodeUri(root));
    try {
      await assert.rejects(
        async () =>
          vscode.commands.executeCommand('grounded.codeSelection', {
            codes: ['burnout'],
            uri: transcript,
            ranges: [range(TRANSCRIPT, 'four hours')],
          }),
        (error: Error) => {
          assert.match(
            error.message,
            /^Grounded could not replace \S*P09\.tester\.codes\.yaml: it is a folder, not a file \(EISDIR\)\. Move or rename/,
          );
          assert.doesNotMatch(error.message, /\n\s+at /);
          return true;
        },
      );
    } finally {
      await vscode.workspace.fs.delete(blocking, { recursive: true, useTrash: false });
      await vscode.workspace.fs.delete(transcript, { useTrash: false });
      await services.studies.reload(fromVscodeUri(root));
    }
  });

  it('refuses to code into a malformed sidecar and leaves it byte-identical', async () => {
    const broken = file('transcripts', `P01.${CODER}.codes.yaml`);
    await vscode.commands.executeCommand('grounded.codeSelection', {
      codes: ['burnout'],
      uri: file('transcripts', 'P01.txt'),
      ranges: [range(TRANSCRIPT, 'four hours')],
    });
    const good = await read(broken);
    const lines = good.split('\n');
    const conflicted = [
      ...lines.slice(0, 6),
      '<<<<<<< HEAD',
      ...lines.slice(6, 9),
      '=======',
      ...lines.slice(6, 9),
      '>>>>>>> theirs',
      ...lines.slice(9),
    ].join('\n');
    await write(broken, conflicted);
    await services.studies.reload(fromVscodeUri(root));
    const bytes = await vscode.workspace.fs.readFile(broken);
    await assert.rejects(
      async () =>
        vscode.commands.executeCommand('grounded.codeSelection', {
          codes: ['burnout'],
          uri: file('transcripts', 'P01.txt'),
          ranges: [range(TRANSCRIPT, 'a list')],
        }),
      (error: Error) => {
        assert.match(error.message, /P01\.tester\.codes\.yaml:7:1/);
        return true;
      },
    );
    assert.deepEqual(await vscode.workspace.fs.readFile(broken), bytes);
    const left = await vscode.workspace.fs.readDirectory(file('transcripts'));
    assert.deepEqual(
      left.filter(([name]) => services.fs.isWriteArtifact(fromVscodeUri(file('transcripts', name)))),
      [],
      'no temp or lock file left',
    );
    await write(broken, good);
    await services.studies.reload(fromVscodeUri(root));
  });
});
