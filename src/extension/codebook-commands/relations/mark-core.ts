import * as vscode from 'vscode';
import { commandArgs } from '../../shared/register-command';
import { chooseCode, codebookStudy, type CodebookContext } from '../codebook-context';
import { markCore } from './relation-edits';

/**
 * grounded.markCoreCategory: the code selective coding integrates the others around. Run on the core
 * category itself, it unmarks it. A script passes `{ study, id, core? }` (core: false unmarks).
 */
export function markCoreCategory(context: CodebookContext) {
  return async (arg?: unknown): Promise<{ id: string; core: boolean } | undefined> => {
    const args = commandArgs(arg);
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    const code = await chooseCode(context, study, args.codeId(), 'Which code is the core category?');
    if (!code) return undefined;
    const core = args.boolean('core') ?? !code.core;
    await markCore(context, study, code.id, core);
    vscode.window.setStatusBarMessage(
      core
        ? `Grounded: "${code.name}" is the core category`
        : `Grounded: "${code.name}" is no longer the core category`,
      5000,
    );
    return { id: code.id, core };
  };
}
