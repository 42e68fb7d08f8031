import * as vscode from 'vscode';
import type { Code } from '../../core/model';
import { chooseCode, codebookStudy, codeIdOf, updateCode, type CodebookContext } from './codebook-context';

/** grounded.redefineCode: edits a code's definition (empty removes it). */
export function redefineCode(context: CodebookContext) {
  return async (arg?: unknown): Promise<Code | undefined> => {
    const study = await codebookStudy(context, arg);
    const code = await chooseCode(context, study, codeIdOf(arg), 'Define which code?');
    if (!code) return undefined;
    let definition = (arg as { definition?: string } | undefined)?.definition;
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
