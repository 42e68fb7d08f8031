import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { DecorationState } from '../../src/extension/decorations/decoration-state';
import { LagRecorder } from './event-loop-lag';
import { sleep, timeUntil, waitFor } from './support';

/** One opening of a transcript, ms from showTextDocument: the editor shown, and every coding drawn. */
export interface OpenSample {
  shown: number;
  drawn: number;
  /**
   * The first drawing handed to VS Code, the first decorations a person sees: the codings on screen and a hundred
   * lines either way, with the gutter marks on screen. The others follow a task later (on a first opening in a
   * window, a few tasks, as their decoration types are made).
   */
  onScreen?: number;
  /**
   * The last drawing: a reopened transcript with more decoration types than its editor gets at once has the gutter
   * marks of its lines off screen drawn a task after its codings.
   */
  complete?: number;
  /** When the extension host told the decorations the editor is visible (before they drew): Grounded's part starts there. */
  visible?: number;
  /** The extension host's event-loop lag from showTextDocument until every coding was drawn (max of a 10 ms timer). */
  lagMax?: number;
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Opens `uri` `runs` times from no open editor with showTextDocument, as an extension does, and times the editor
 * being shown and all `codings` codings drawn by the decorations. showTextDocument opens the document in the
 * extension host first, and VS Code keeps a document an extension opened for minutes: each opening after the first
 * finds it still open in the host (see openingsFromExplorer for a person's way).
 * `plainUri` is the same text outside the study (no Grounded decorations): opened the same way in the same
 * run, it is the baseline, what VS Code alone takes to show the text.
 */
export async function firstDecorations(
  state: DecorationState,
  uri: vscode.Uri,
  plainUri: vscode.Uri,
  codings: number,
  runs: number,
): Promise<{ samples: OpenSample[]; plain: number[]; plainLag: number[] }> {
  const samples: OpenSample[] = [];
  const plain: number[] = [];
  const plainLag: number[] = [];
  const key = uri.toString();
  for (let run = 0; run < runs; run++) {
    await closeAll();
    await waitFor('the transcript closed', () => !state.applied.has(key) || undefined, 10_000);
    await sleep(300);
    const lag = new LagRecorder();
    let t0 = performance.now();
    let shown = 0;
    const drawings = watchDrawings(state, key, t0);
    const opened = vscode.window.showTextDocument(uri, { preview: false }).then(() => {
      shown = performance.now() - t0;
    });
    const drawn = () => (state.applied.get(key)?.codings.length ?? 0) >= codings;
    const times = await timeUntil({ shown: () => shown > 0, drawn }, t0, 60_000);
    lag.stop();
    const lagMax = lag.since(t0).max;
    await opened;
    // A drawing's last step follows its first by a task or a few (types made on a first opening).
    await sleep(500);
    const { first: onScreen, last: complete } = drawings.stop();
    const visible = state.visibleEditorsChangedAt - t0;
    samples.push({
      shown,
      drawn: times['drawn'] ?? NaN,
      lagMax,
      ...(onScreen > 0 ? { onScreen } : {}),
      ...(complete > 0 ? { complete } : {}),
      ...(visible > 0 ? { visible } : {}),
    });

    await closeAll();
    await sleep(300);
    const baselineLag = new LagRecorder();
    t0 = performance.now();
    await vscode.window.showTextDocument(plainUri, { preview: false });
    plain.push(performance.now() - t0);
    baselineLag.stop();
    plainLag.push(baselineLag.since(t0).max);
  }
  await closeAll();
  return { samples, plain, plainLag };
}

/** One opening as the Explorer does it, ms from vscode.open. */
export interface ExplorerOpenSample {
  /** The first drawing handed to VS Code (the document may still be plain text then). */
  onScreen: number;
  /** Every coding drawn in an editor showing the document in the transcript language. */
  drawn: number;
}

/**
 * Opens `uri` `runs` times the way the Explorer and Quick Open do (the vscode.open command), each time after its
 * document was closed in the extension host too, as closing its tab does when no extension holds it. VS Code then
 * sends the text to the host anew as plain text; Grounded finds it is a study's transcript and switches it to the
 * transcript language, drawing its codings. `plainUri`, the same text outside the study, is opened the same way in
 * each run: the baseline, until VS Code has shown it and told the host. Neither may be a document an extension
 * opened, or it would stay open in the host.
 */
export async function openingsFromExplorer(
  state: DecorationState,
  uri: vscode.Uri,
  plainUri: vscode.Uri,
  codings: number,
  runs: number,
): Promise<{ samples: ExplorerOpenSample[]; plain: number[] }> {
  const key = uri.toString();
  const samples: ExplorerOpenSample[] = [];
  const plain: number[] = [];
  for (let run = 0; run < runs; run++) {
    await closeAndForget(uri);
    const t0 = performance.now();
    const drawings = watchDrawings(state, key, t0);
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    const drawn = () =>
      (state.applied.get(key)?.codings.length ?? 0) >= codings &&
      vscode.window.visibleTextEditors.some(
        (editor) => editor.document.uri.toString() === key && editor.document.languageId === 'transcript',
      );
    const times = await timeUntil({ drawn }, t0, 60_000);
    samples.push({ onScreen: drawings.stop().first, drawn: times['drawn'] ?? NaN });

    await closeAndForget(plainUri);
    const t1 = performance.now();
    await vscode.commands.executeCommand('vscode.open', plainUri, { preview: false });
    const shown = () =>
      vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === plainUri.toString());
    plain.push((await timeUntil({ shown }, t1, 60_000))['shown'] ?? NaN);
  }
  await closeAll();
  return { samples, plain };
}

/**
 * Watches the decorations' drawings of `key` after `t0`: the first (the codings on screen) and the last. The event
 * fires as a drawing is handed over; the microtask runs once the handing over is done. stop() gives ms from t0
 * (0: none).
 */
function watchDrawings(state: DecorationState, key: string, t0: number): { stop(): { first: number; last: number } } {
  let first = 0;
  let last = 0;
  const watching = state.onDidDraw(({ uri }) => {
    if (uri !== key) return;
    queueMicrotask(() => {
      last = performance.now() - t0;
      first ||= last;
    });
  });
  return {
    stop: () => {
      watching.dispose();
      return { first, last };
    },
  };
}

/** Closes every editor and waits until the extension host has closed the document of `uri` as well. */
async function closeAndForget(uri: vscode.Uri): Promise<void> {
  await closeAll();
  const key = uri.toString();
  const isOpen = () => vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
  await waitFor('the document closed in the extension host', () => !isOpen() || undefined, 30_000);
  await sleep(300);
}
