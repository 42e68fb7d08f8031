import * as vscode from 'vscode';
import { type Coding, quickCodeSlots, type Study } from '../../core/index';
import { codeRanges, rangesToCode } from './code-selection';
import type { CodingContext } from './coding-context';
import { commandArgs } from '../shared/register-command';
import { transcriptTarget } from '../shared/transcript-target';

/** `grounded.quickCodes`: code ids pinned to keys 1–9 ("" leaves a key to the recent codes). */
export function pinnedQuickCodes(): string[] {
  return vscode.workspace
    .getConfiguration('grounded')
    .get<string[]>('quickCodes', [])
    .map((id) => (typeof id === 'string' ? id.trim() : ''));
}

/** The code id on each key 1–9 for a study. */
export function quickCodesOf(context: CodingContext, study: Study): (string | undefined)[] {
  return quickCodeSlots(
    pinnedQuickCodes(),
    context.recent.get(study.root),
    new Set(study.codebook.codes.map((code) => code.id)),
  );
}

/**
 * grounded.quickCode1…9: code the selection with the code on that key. Using a quick key does not reorder
 * the recent codes, so the keys stay put while someone codes a transcript with them.
 */
export function quickCode(context: CodingContext, slot: number) {
  return async (arg?: unknown): Promise<Coding[] | undefined> => {
    const args = commandArgs(arg);
    const target = await transcriptTarget(context.services, args.uri());
    const code = quickCodesOf(context, target.study)[slot - 1];
    if (code === undefined) {
      void vscode.window.showInformationMessage(
        `No code on quick key ${slot} yet: code a passage with "Grounded: Code Selection" (recent codes fill the keys) or pin one with "Grounded: Pin Quick Code".`,
      );
      return undefined;
    }
    const ranges = rangesToCode(target, args.spans('ranges'));
    return codeRanges(context, target, ranges, [code], `quick code ${slot} (${code})`);
  };
}
