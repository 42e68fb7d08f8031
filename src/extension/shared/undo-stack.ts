import type * as vscode from 'vscode';

/** How many coding actions can be undone with grounded.undoLastCodingAction. */
const LIMIT = 100;

export interface UndoEntry {
  /** What the action did, for the "Undid …" message. */
  readonly label: string;
  /** Applies the inverse operation (remove what was added, re-add what was removed, restore old fields). */
  readonly undo: () => Promise<void>;
}

/**
 * In-memory inverse operations of this session's coding actions, for when the sidecar is not open in an
 * editor (then ctrl+z in that editor is the undo). Every inverse is idempotent — removing ids already gone,
 * re-adding a coding whose id is present — so mixing it with an editor undo cannot duplicate or lose codings.
 */
export class UndoStack {
  private readonly entries: UndoEntry[] = [];

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > LIMIT) this.entries.shift();
  }

  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  get size(): number {
    return this.entries.length;
  }
}

const stacks = new WeakMap<vscode.ExtensionContext, UndoStack>();

/** The session's one stack, shared by the coding and the codebook commands of an activation. */
export function undoStackFor(context: vscode.ExtensionContext): UndoStack {
  let stack = stacks.get(context);
  if (!stack) stacks.set(context, (stack = new UndoStack()));
  return stack;
}
