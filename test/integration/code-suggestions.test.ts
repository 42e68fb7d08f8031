// Code suggestions in a real VS Code, the way a person uses them: the command palette on an open transcript.
// code-server has no language model, so the first test sees exactly what a researcher there sees: a plain
// message offering Find Similar Passages. The accept/reject flow then runs with a fake model put in through the
// feature's test hook (testHooks.codeSuggestions.models), the seam the real `vscode.lm` models come through:
// one suggestion rejected with the reject key's command, one accepted with Enter, and the files checked.
// Notifications cannot be answered from a test, so vscode.window.showInformationMessage is replaced while the
// suite runs (the feature reads it at call time), recording each message and answering the offer.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SuggestionModel, SuggestionPrompt } from '../../src/core/index';
import type { GroundedServices } from '../../src/extension/services';
import type { CodeSuggestionHooks } from '../../src/extension/code-suggestions/code-suggestions-feature';
import { FIND_SIMILAR_PASSAGES } from '../../src/extension/code-suggestions/commands';
import { encode, runFromPalette, services, untilStudyLoads, waitFor } from './support';

const CODER = 'mira';
const TEXT = [
  'Study: Mentorship in academic medicine (test fixture)',
  'Participant: T01',
  'Date: 2024-05-02',
  'Interviewer: R. Okafor',
  '',
  '[00:00:05] Interviewer: How did you find your mentor?',
  '',
  '[00:00:12] T01: Nobody assigned me anyone. I found her myself, after rounds one night.',
  '',
  '[00:01:02] T01: By the second year I was close to burning out, sleeping four hours.',
  '',
].join('\n');
const CODEBOOK = [
  'grounded: 1',
  'codes:',
  '  - id: burnout',
  '    name: Burnout',
  '    definition: "Exhaustion from work or study."',
  '  - id: informal-mentor',
  '    name: Informal mentor',
  '    definition: "A mentor the participant found without the programme."',
  '',
].join('\n');
const ANSWER = JSON.stringify({
  suggestions: [
    { code: 'informal-mentor', quote: 'I found her myself', rationale: 'She found the mentor on her own.' },
    { code: 'burnout', quote: 'close to burning out', rationale: 'Near exhaustion in the second year.' },
    { code: 'burnout', quote: 'I was exhausted every single day', rationale: 'Not in the transcript.' },
  ],
});
const decoder = new TextDecoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A model that answers with a fixed answer and remembers what it was sent. */
class FakeModel implements SuggestionModel {
  readonly id = 'fake/suggester-1';
  readonly name = 'Fake Suggester';
  readonly prompts: SuggestionPrompt[] = [];
  constructor(private readonly answer = ANSWER) {}
  send(prompt: SuggestionPrompt): Promise<string> {
    this.prompts.push(prompt);
    return Promise.resolve(this.answer);
  }
}

describe('code suggestions from a language model', function () {
  this.timeout(60_000);
  let grounded: GroundedServices;
  let hooks: CodeSuggestionHooks;
  let folder: vscode.Uri;
  let previousCoder: unknown;
  const window = vscode.window as unknown as Record<'showInformationMessage', unknown>;
  const originalShow = window.showInformationMessage;
  const messages: { message: string; items: string[] }[] = [];
  const ran: string[] = [];
  const transcript = () => vscode.Uri.joinPath(folder, 'T1.txt');
  const sidecar = () => vscode.Uri.joinPath(folder, `T1.${CODER}.codes.yaml`);
  const rejections = () => vscode.Uri.joinPath(folder, 'rejected-suggestions.yaml');
  const read = async (uri: vscode.Uri) =>
    Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
      (bytes) => decoder.decode(bytes),
      () => undefined,
    );

  async function openTranscript(): Promise<void> {
    await vscode.window.showTextDocument(transcript(), { preview: false });
    await waitFor('the transcript to be tracked', () => {
      const document = vscode.window.activeTextEditor?.document;
      return document !== undefined && grounded.live.get(document) !== undefined;
    });
  }

  before(async () => {
    grounded = await services();
    hooks = grounded.testHooks?.['codeSuggestions'] as CodeSuggestionHooks;
    assert.ok(hooks, 'the code suggestions feature exposes no test hooks');
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace);
    folder = vscode.Uri.joinPath(workspace.uri, '.grounded-fixture-suggest');
    previousCoder = vscode.workspace.getConfiguration('grounded').inspect('coder')?.workspaceValue;
    await vscode.workspace.getConfiguration('grounded').update('coder', CODER, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'codebook.yaml'), encode(CODEBOOK));
    await vscode.workspace.fs.writeFile(transcript(), encode(TEXT));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      encode('grounded: 1\ntranscripts:\n  - T*.txt\n'),
    );
    await untilStudyLoads(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      async () => (await grounded.studies.transcriptFor(transcript())) !== undefined,
    );
    window.showInformationMessage = (message: string, ...items: string[]) => {
      messages.push({ message, items });
      return Promise.resolve(items.includes('Find Similar Passages') ? 'Find Similar Passages' : undefined);
    };
    hooks.runCommand = async (id) => {
      ran.push(id);
      return undefined;
    };
  });

  after(async () => {
    window.showInformationMessage = originalShow;
    hooks.runCommand = (id) => vscode.commands.executeCommand(id);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    await vscode.workspace
      .getConfiguration('grounded')
      .update('coder', previousCoder, vscode.ConfigurationTarget.Workspace);
  });

  it('without a model (code-server), the palette command says so plainly and offers Find Similar Passages', async () => {
    await openTranscript();
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(7, 16, 7, 41);
    messages.length = 0;
    await runFromPalette('Suggest Codes for Selection');
    const shown = await waitFor('the message', () => messages[0]);
    assert.match(shown.message, /^No language model is available in this editor/);
    assert.match(shown.message, /Find Similar Passages works offline/);
    assert.deepEqual(shown.items, ['Find Similar Passages']);
    await waitFor('the offered command to run', () => ran.length > 0);
    assert.deepEqual(ran, [FIND_SIMILAR_PASSAGES]);
    assert.equal(await read(sidecar()), undefined, 'nothing was written');
    assert.equal(await read(rejections()), undefined);
  });

  it('turned off (grounded.codeSuggestions.enabled), the commands say so and ask no model', async () => {
    const model = new FakeModel();
    hooks.models = async () => [model];
    const config = vscode.workspace.getConfiguration('grounded.codeSuggestions');
    await config.update('enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      messages.length = 0;
      await runFromPalette('Suggest Codes for Speaker Turn');
      const shown = await waitFor('the message', () => messages[0]);
      assert.match(shown.message, /turned off .*grounded\.codeSuggestions\.enabled.*nothing was sent/);
      assert.equal(model.prompts.length, 0, 'the model was not asked');
    } finally {
      await config.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('with a model: dashed suggestions and a list; the reject key remembers, Enter accepts with assisted: <model>', async () => {
    const model = new FakeModel();
    hooks.models = async () => [model];
    await openTranscript();
    messages.length = 0;
    await runFromPalette('Suggest Codes for Transcript');
    const list = await waitFor('the suggestion list', () =>
      hooks.list.showing?.items.length === 2 ? hooks.list.showing : undefined,
    );
    assert.equal(model.prompts.length, 1);
    assert.ok(model.prompts[0]!.data.includes('I found her myself'), 'the passage was sent');
    assert.match(list.title ?? '', /Fake Suggester — 2 \(1 discarded: 1 quote not in the text\)/);
    assert.deepEqual(
      list.items.map((item) => item.label),
      ['$(lightbulb) Informal mentor', '$(lightbulb) Burnout'],
    );
    const drawn = await waitFor('the dashed marks', () => hooks.decorations.drawn.get(transcript().toString()));
    const document = vscode.window.activeTextEditor!.document;
    assert.deepEqual(
      drawn.pending.map((range) => document.getText(range)),
      ['I found her myself', 'close to burning out'],
    );
    assert.equal(document.getText(drawn.active), 'I found her myself');
    const screenshots = process.env.GROUNDED_TEST_SCREENSHOT_DIR;
    if (screenshots) {
      console.log('[screenshot] code-suggestions');
      await waitFor('the screenshot', () => existsSync(path.join(screenshots, 'code-suggestions.png')), 15_000);
      await sleep(500);
    }
    assert.equal(await read(sidecar()), undefined, 'showing suggestions writes nothing');

    // Ctrl+Delete in the list runs this command: the active suggestion (Informal mentor) is rejected.
    await vscode.commands.executeCommand('grounded.rejectSuggestion');
    await waitFor('the list to drop it', () => list.items.length === 1);
    assert.equal(list.activeItems[0]?.label, '$(lightbulb) Burnout');
    assert.equal(await read(sidecar()), undefined, 'a rejection writes no coding');
    assert.match((await read(rejections())) ?? '', /code: "informal-mentor"\n {4}quote: "I found her myself"/);

    // Enter accepts the active one.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const written = await waitFor('the sidecar', async () => read(sidecar()));
    await waitFor('the list to close', () => hooks.list.showing === undefined);
    assert.match(written, /code: burnout\n {4}start: \d+\n {4}end: \d+\n {4}quote: "close to burning out"/);
    assert.match(written, /\n {4}assisted: "fake\/suggester-1"\n/);
    assert.doesNotMatch(written, /informal-mentor/);
    assert.ok(await waitFor('the summary', () => messages.find((m) => m.message.includes('1 accepted, 1 rejected'))));

    // Asked again: the rejected one is not offered again and the accepted one is coded already.
    messages.length = 0;
    await runFromPalette('Suggest Codes for Transcript');
    const again = await waitFor('the message', () => messages[0]);
    assert.match(
      again.message,
      /suggested nothing new .*1 rejected before.*1 already coded|suggested nothing new .*1 already coded.*1 rejected before/,
    );
    assert.equal(hooks.list.showing, undefined);
  });

  it('the accept-all key takes every suggestion of one code; Esc leaves the rest unwritten and unremembered', async () => {
    const model = new FakeModel(
      JSON.stringify({
        suggestions: [
          { code: 'burnout', quote: 'sleeping four hours', rationale: 'Sleep loss.' },
          { code: 'informal-mentor', quote: 'after rounds one night', rationale: 'Met informally.' },
          { code: 'burnout', quote: 'By the second year', rationale: 'Timing of the exhaustion.' },
        ],
      }),
    );
    hooks.models = async () => [model];
    await openTranscript();
    const rejectedBefore = await read(rejections());
    await runFromPalette('Suggest Codes for Transcript');
    const list = await waitFor('the suggestion list', () =>
      hooks.list.showing?.items.length === 3 ? hooks.list.showing : undefined,
    );
    // Ctrl+Alt+Enter in the list runs this command, on the active suggestion's code (Burnout).
    await vscode.commands.executeCommand('grounded.acceptAllSuggestionsOfCode');
    await waitFor('the list to keep only the other code', () => list.items.length === 1);
    assert.equal(list.items[0]?.label, '$(lightbulb) Informal mentor');
    const written = (await read(sidecar())) ?? '';
    for (const quote of ['sleeping four hours', 'By the second year'])
      assert.match(
        written,
        new RegExp(`quote: "${quote}"\\n {4}prefix: [^\\n]*\\n {4}suffix: [^\\n]*\\n {4}assisted: "fake/suggester-1"`),
      );
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await waitFor('the list to close', () => hooks.list.showing === undefined);
    assert.doesNotMatch((await read(sidecar())) ?? '', /after rounds one night/);
    assert.equal(await read(rejections()), rejectedBefore, 'an undecided suggestion is not remembered');
    assert.ok(
      await waitFor('the summary', () =>
        messages.find((m) => m.message.includes('2 accepted, 0 rejected, 1 left undecided')),
      ),
    );
  });
});
