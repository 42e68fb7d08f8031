import { relateCodes, relationTypeLabel, findRelationType, codebookEdits } from '../../core/index';
import type { CommandSpec } from '../command';
import { EXIT_OK } from '../errors';
import { CODEBOOK_OPTIONS, openCodebook } from './codebook-shared';

export const codebookRelateCommand: CommandSpec = {
  name: 'codebook relate',
  summary: 'relate two codes with a typed relation (axial coding)',
  usage: ['codebook relate <from> <to> --type <type> [--memo <text>]'],
  details: [
    'Codes are given by id. Types: grounded.yaml relationTypes, by default causes, is-condition-for, is-consequence-of, is-strategy-for, is-part-of, is-a (directed) and contradicts, associated-with (undirected).',
    'Cycles are allowed; a code cannot be related to itself, and a relation stated already is refused.',
  ],
  options: {
    type: { type: 'string', value: '<type>', description: 'the relation type (required)' },
    memo: { type: 'string', value: '<text>', description: 'why the relation holds' },
    ...CODEBOOK_OPTIONS,
  },
  positionals: { min: 2, max: 2 },
  run: async (context, args) => {
    const [from, to] = args.positionals as [string, string];
    const type = args.string('type');
    const memo = args.string('memo');
    const study = await openCodebook(context, args.string('study'));
    const types = study.settings.relationTypes;
    const relation = { from, type: type ?? '', to, ...(memo !== undefined ? { memo } : {}) };
    codebookEdits.relate(study.codebook, relation, types); // a bad argument fails before the file is touched
    await relateCodes(context.fs, study.codebookUri, relation, types);
    const where = context.out.path(study.codebookUri);
    const known = findRelationType(types, relation.type);
    context.out.line(
      `${where}: ${from} ${known ? relationTypeLabel(known) : relation.type} ${to}${known?.directed === false ? ' (both ways)' : ''}`,
    );
    context.out.data({ codebook: where, relation: { from, type: relation.type, to, memo: memo ?? null } });
    return EXIT_OK;
  },
};
