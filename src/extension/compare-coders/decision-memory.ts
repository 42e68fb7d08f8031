import type * as vscode from 'vscode';
import type { Resolution } from '../../core/index';

const STATE_KEY = 'grounded.compareCoders.decisions';

/**
 * The last decision taken on each disagreement, per study and consensus coder, in the workspace's storage.
 * The consensus sidecar is the record of every decision that keeps a coding; "neither" (and a range adjusted
 * beyond both coders' ranges) leaves nothing there to read back, so it is remembered here to show the
 * disagreement as resolved. What the file shows always wins (see `settlementOf`).
 */
export class DecisionMemory {
  constructor(private readonly state: vscode.Memento) {}

  recall(root: string, consensus: string, key: string): Resolution | undefined {
    return this.all()[entryKey(root, consensus, key)];
  }

  async remember(root: string, consensus: string, key: string, resolution: Resolution): Promise<void> {
    await this.state.update(STATE_KEY, { ...this.all(), [entryKey(root, consensus, key)]: resolution });
  }

  private all(): Readonly<Record<string, Resolution>> {
    return this.state.get<Record<string, Resolution>>(STATE_KEY) ?? {};
  }
}

function entryKey(root: string, consensus: string, key: string): string {
  return `${root}\u0000${consensus}\u0000${key}`;
}
