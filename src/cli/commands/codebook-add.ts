import { codebookEdits, editCodebook, type Code } from '../../core/index';
import type { Arguments, CommandContext, CommandSpec } from '../command';
import { EXIT_OK } from '../errors';
import { CODEBOOK_OPTIONS, describeCode, openCodebook } from './codebook-shared';

export const codebookAddCommand: CommandSpec = {
  name: 'codebook add',
  summary: 'add a code to the codebook',
  usage: [
    'codebook add <id> [--name <name>] [--parent <id>] [--color <#rrggbb>] [--definition <text>] [--memo <text>]',
  ],
  details: [
    'The id is the stable key stored in every coding (letters, digits, "-", "_", "."); the name is what people read and can change any time.',
  ],
  options: {
    name: { type: 'string', value: '<name>', description: 'display name (default: the id)' },
    parent: { type: 'string', value: '<id>', description: 'put the code under this category' },
    color: {
      type: 'string',
      value: '<#rrggbb>',
      description: 'highlight colour (default: the next of a 10-colour palette)',
    },
    definition: { type: 'string', value: '<text>', description: 'when to apply the code' },
    memo: { type: 'string', value: '<text>', description: 'a memo on the code' },
    ...CODEBOOK_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run: async (context: CommandContext, args: Arguments) => {
    const id = args.positional(0) as string;
    const fields = {
      ...optional('name', args.string('name')),
      ...optional('parent', args.string('parent')),
      ...optional('color', args.string('color')),
      ...optional('definition', args.string('definition')),
      ...optional('memo', args.string('memo')),
    };
    const study = await openCodebook(context, args.string('study'));
    codebookEdits.add(study.codebook, id, fields); // fail on a bad argument before touching the file
    const codebook = await editCodebook(context.fs, study.codebookUri, (current) =>
      codebookEdits.add(current, id, fields),
    );
    const code = codebook.codes.find((c) => c.id === id) as Code;
    const where = context.out.path(study.codebookUri);
    context.out.line(
      `${where}: added ${describeCode(code)}${code.parent ? ` under ${code.parent}` : ''} (${code.color ?? 'no colour'})`,
    );
    context.out.data({ codebook: where, code });
    return EXIT_OK;
  },
};

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
