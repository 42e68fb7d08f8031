import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedServices } from '../../src/extension/services';

// Helpers shared by the integration suites: the extension's services, polling, and fixture studies.

export async function services(): Promise<GroundedServices> {
  const ext = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
  assert.ok(ext, 'extension not found');
  return ext.activate();
}

/** Polls `probe` until it returns something truthy; fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * Waits for a freshly written fixture study to load. Study roots are discovered from file-watcher events;
 * when an older discovery finishes last (a previous suite's fixture was just deleted) the new root is
 * missed until grounded.yaml changes again, so it is rewritten between attempts.
 */
export async function untilStudyLoads(settings: vscode.Uri, probe: () => Promise<boolean>): Promise<void> {
  await untilWatched(settings, 'the fixture study to load', probe, 3000);
}

/**
 * Waits until the extension has seen the file just written, by `probe`. VS Code's file watcher in the test
 * workbench now and then reports nothing for a while (once in a clean CI run, two incremental-reload tests waited
 * 10 s each for a sidecar written to disk, and passed on every run after), so the same bytes are written again
 * between attempts: a change to that one file, as before.
 */
export async function untilWatched<T>(
  written: vscode.Uri,
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  attemptMs = 5000,
): Promise<T> {
  const content = await vscode.workspace.fs.readFile(written);
  for (let attempt = 1; ; attempt++) {
    try {
      return await waitFor(what, probe, attemptMs);
    } catch (error) {
      if (attempt === 4) throw error;
      await vscode.workspace.fs.writeFile(written, content);
    }
  }
}

/**
 * Runs a command the way a person does: F1, its title typed into the palette, Enter once the palette has
 * filtered (it filters as it opens; `settleMs` is how long to let it).
 */
export async function runFromPalette(title: string, settleMs = 600): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.quickOpen', `>Grounded: ${title}`);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

type Window = typeof vscode.window;

/**
 * Replaces `vscode.window` functions a test must answer without a person (dialogs) or watch (errors, picks),
 * and puts every original back on `restore`. A host where one cannot be replaced fails at once.
 */
export class WindowStubs<K extends keyof Window> {
  private readonly window = vscode.window as unknown as Record<K, unknown>;
  private readonly originals = new Map<K, unknown>();

  /** The function as it was before any stub (to pass calls on to). */
  original<N extends K>(name: N): Window[N] {
    return (this.originals.has(name) ? this.originals.get(name) : this.window[name]) as Window[N];
  }

  stub(name: K, replacement: unknown): void {
    if (!this.originals.has(name)) this.originals.set(name, this.window[name]);
    this.window[name] = replacement;
    assert.equal(this.window[name], replacement, `vscode.window.${name} cannot be replaced in this host`);
  }

  /** showErrorMessage still shows each message, and `errors` gets it too. */
  recordErrors(this: WindowStubs<K | 'showErrorMessage'>, errors: string[]): void {
    const showError = this.original('showErrorMessage');
    this.stub('showErrorMessage', (message: string, ...items: string[]) => {
      errors.push(message);
      return showError(message, ...items);
    });
  }

  restore(): void {
    for (const [name, original] of this.originals) this.window[name] = original;
    this.originals.clear();
  }
}
