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
  const content = await vscode.workspace.fs.readFile(settings);
  for (let attempt = 1; ; attempt++) {
    try {
      await waitFor('the fixture study to load', probe, 3000);
      return;
    } catch (error) {
      if (attempt === 4) throw error;
      await vscode.workspace.fs.writeFile(settings, content);
    }
  }
}
