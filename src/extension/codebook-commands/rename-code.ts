import * as vscode from 'vscode';
import type { Code } from '../../core/index';
import { chooseCode, codebookStudy, updateCode, type CodebookContext } from './codebook-context';
import { commandArgs } from '../shared/register-command';

/** grounded.renameCode: changes a code's name; its id (and so every sidecar) stays as it is. */
export function renameCode(context: CodebookContext) {
  return async (arg?: unknown): Promise<Code | undefined> => {
    const args = commandArgs(arg);
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    const code = await chooseCode(context, study, args.codeId(), 'Rename which code?');
    if (!code) return undefined;
    let name = args.string('name');
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
