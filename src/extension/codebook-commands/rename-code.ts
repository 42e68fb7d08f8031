import * as vscode from 'vscode';
import type { Code } from '../../core/model';
import { chooseCode, codebookStudy, codeIdOf, updateCode, type CodebookContext } from './codebook-context';

/** grounded.renameCode: changes a code's name; its id (and so every sidecar) stays as it is. */
export function renameCode(context: CodebookContext) {
  return async (arg?: unknown): Promise<Code | undefined> => {
    const study = await codebookStudy(context, arg);
    const code = await chooseCode(context, study, codeIdOf(arg), 'Rename which code?');
    if (!code) return undefined;
    let name = (arg as { name?: string } | undefined)?.name;
    if (typeof name !== 'string') {
      name = await vscode.window.showInputBox({
        title: `Rename "${code.name}"`,
        prompt: `New name (the id "${code.id}" stays, so no sidecar changes)`,
        value: code.name,
        validateInput: (value) => (value.trim() === '' ? 'A code needs a name' : undefined),
      });
      if (name === undefined || name.trim() === code.name) return undefined;
    }
    return updateCode(context, study, code.id, { name: name.trim() });
  };
}
