import type * as vscode from 'vscode';
import { noteUsed } from '../../core/index';

const KEY = 'grounded.recentCodes';

/** Recently used code ids per study root, most recent first, kept in workspaceState across sessions. */
export class RecentCodes {
  constructor(private readonly state: vscode.Memento) {}

  get(root: string): string[] {
    return [...(this.state.get<Record<string, string[]>>(KEY, {})[root] ?? [])];
  }

  async note(root: string, used: readonly string[]): Promise<void> {
    if (used.length === 0) return;
    const all = { ...this.state.get<Record<string, string[]>>(KEY, {}) };
    all[root] = noteUsed(all[root] ?? [], used);
    await this.state.update(KEY, all);
  }
}
