import * as vscode from 'vscode';
import { pinQuickCode as pinned, QUICK_SLOTS } from '../../core/index';
import { pickOneCode } from '../shared/code-picker';
import type { CodingContext } from './coding-context';
import { requireKnownCodes } from './coding-context';
import { UserError } from '../shared/errors';
import { pinnedQuickCodes, quickCodesOf } from './quick-code';
import { commandArgs } from '../shared/register-command';
import { whichStudy, NO_STUDY } from '../shared/which-study';

/**
 * grounded.pinQuickCode: put a code on a quick key (setting grounded.quickCodes), or free the key. A script
 * passes `{ slot (1–9), code }` (code: an id; null or "" unpins the key).
 */
export function pinQuickCode(context: CodingContext) {
  return async (arg?: unknown): Promise<string[] | undefined> => {
    const args = commandArgs(arg);
    let slot = args.number('slot');
    let code = args.unknown('code') === null ? null : args.string('code');
    if (args.fromScript) {
      if (!Number.isInteger(slot) || slot! < 1 || slot! > QUICK_SLOTS)
        throw new UserError(`slot must be 1–${QUICK_SLOTS}`);
      if (code) await requireCodeInWorkspace(context, code);
    } else {
      const study = await whichStudy(context.services.studies, undefined);
      if (!study) return undefined;
      const current = quickCodesOf(context, study);
      const pins = pinnedQuickCodes();
      const nameOf = (id: string | undefined) => study.codebook.codes.find((c) => c.id === id)?.name ?? '(free)';
      const items = current.flatMap((id, index) => {
        const isPinned = Boolean(pins[index]) && pins[index] === id;
        const entry = {
          label: `${index + 1}: ${nameOf(id)}`,
          description: id === undefined ? '' : isPinned ? 'pinned' : 'recent',
          slot: index + 1,
          unpin: false,
        };
        return isPinned
          ? [
              entry,
              {
                label: `$(pinned-dirty) Unpin key ${index + 1}`,
                description: nameOf(id),
                slot: index + 1,
                unpin: true,
              },
            ]
          : [entry];
      });
      const chosen = await vscode.window.showQuickPick(items, { title: 'Pin a code to a quick key (ctrl+alt+1…9)' });
      if (!chosen) return undefined;
      slot = chosen.slot;
      if (chosen.unpin) code = null;
      else {
        code = await pickOneCode(study, {
          title: `Code for quick key ${slot}`,
          recent: context.recent.get(study.root),
        });
        if (code === undefined) return undefined;
      }
    }
    const next = pinned(pinnedQuickCodes(), slot as number, code || undefined);
    const target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('grounded').update('quickCodes', next, target);
    return next;
  };
}

/** The keys are the workspace's, not one study's: a script's code must be in the codebook of one of its studies. */
async function requireCodeInWorkspace(context: CodingContext, code: string): Promise<void> {
  const all = await context.services.studies.allStudies();
  const first = all[0];
  if (!first) throw new UserError(NO_STUDY);
  requireKnownCodes(all.find((study) => study.codebook.codes.some((c) => c.id === code)) ?? first, [code]);
}
