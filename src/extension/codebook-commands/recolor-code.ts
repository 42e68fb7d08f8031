import * as vscode from 'vscode';
import { type Code, COLOR, DEFAULT_COLORS } from '../../core/index';
import { colorSwatch } from '../shared/code-icons';
import { chooseCode, codebookStudy, updateCode, type CodebookContext } from './codebook-context';
import { commandArgs } from '../shared/register-command';

/** Names of the Tableau 10 palette, in DEFAULT_COLORS order. */
const PALETTE_NAMES = ['blue', 'orange', 'red', 'teal', 'green', 'yellow', 'purple', 'pink', 'brown', 'grey'];

/** grounded.recolorCode: a palette colour or a custom #rrggbb. */
export function recolorCode(context: CodebookContext) {
  return async (arg?: unknown): Promise<Code | undefined> => {
    const args = commandArgs(arg);
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    const code = await chooseCode(context, study, args.codeId(), 'Recolour which code?');
    if (!code) return undefined;
    let color = args.string('color');
    if (typeof color !== 'string') {
      color = await pickColor(code);
      if (color === undefined) return undefined;
    }
    return updateCode(context, study, code.id, { color: color.toLowerCase() });
  };
}

async function pickColor(code: Code): Promise<string | undefined> {
  const custom = {
    label: '$(symbol-color) Custom colour…',
    description: '#rrggbb',
    color: undefined as string | undefined,
  };
  const items = [
    ...DEFAULT_COLORS.map((color, index) => ({
      label: PALETTE_NAMES[index] ?? color,
      description: color + (color === code.color?.toLowerCase() ? ' (current)' : ''),
      iconPath: colorSwatch(color),
      color: color as string | undefined,
    })),
    custom,
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Colour of "${code.name}"`,
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.color) return picked.color;
  const typed = await vscode.window.showInputBox({
    title: `Colour of "${code.name}"`,
    prompt: 'A colour as #rrggbb',
    value: code.color ?? '#',
    validateInput: (value) => (COLOR.test(value.trim()) ? undefined : 'Write the colour as #rrggbb, e.g. #4e79a7'),
  });
  return typed?.trim();
}
