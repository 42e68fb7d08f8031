import * as vscode from 'vscode';
import type { Code } from '../../core/index';
import { chooseCode, codebookStudy, updateCode, type CodebookContext } from './codebook-context';
import { commandArgs } from '../shared/register-command';

/** grounded.redefineCode: edits a code's definition (empty removes it). */
export function redefineCode(context: CodebookContext) {
  return async (arg?: unknown): Promise<Code | undefined> => {
    const args = commandArgs(arg);
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    const code = await chooseCode(context, study, args.codeId(), 'Define which code?');
    if (!code) return undefined;
    let definition = args.string('definition');
    if (typeof definition !== 'string') {
      definition = await vscode.window.showInputBox({
        title: `Definition of "${code.name}"`,
        prompt: 'When does a passage get this code? Empty removes the definition.',
        value: code.definition ?? '',
        ignoreFocusOut: true,
      });
      if (definition === undefined) return undefined;
    }
    return updateCode(context, study, code.id, { definition: definition.trim() });
  };
}
