import type { CommandSpec } from '../command';
import { UsageError } from '../errors';
import { CODEBOOK_OPTIONS, describeCode, updateCode } from './codebook-shared';

export const codebookMoveCommand: CommandSpec = {
  name: 'codebook move',
  summary: 'move a code under another code, or to the top level',
  usage: ['codebook move <id> --parent <id>', 'codebook move <id> --root'],
  options: {
    parent: { type: 'string', value: '<id>', description: 'the new parent (category)' },
    root: { type: 'boolean', description: 'make it a top-level code' },
    ...CODEBOOK_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run: (context, args) => {
    const id = args.positional(0) as string;
    const parent = args.string('parent');
    if ((parent === undefined) === !args.flag('root')) throw new UsageError('give either --parent <id> or --root');
    return updateCode(
      context,
      args.string('study'),
      id,
      { parent: parent ?? null },
      (code) => `moved ${describeCode(code)} ${code.parent ? `under ${code.parent}` : 'to the top level'}`,
    );
  },
};
