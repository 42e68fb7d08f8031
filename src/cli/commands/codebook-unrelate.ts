import { codebookEdits, describeRelation, unrelateCodes } from '../../core/index';
import type { CommandSpec } from '../command';
import { EXIT_OK } from '../errors';
import { CODEBOOK_OPTIONS, openCodebook } from './codebook-shared';

export const codebookUnrelateCommand: CommandSpec = {
  name: 'codebook unrelate',
  summary: 'remove the relation(s) between two codes',
  usage: ['codebook unrelate <from> <to> [--type <type>]'],
  details: ['Without --type every relation from <from> to <to> goes (and, for undirected types, from <to> to <from>).'],
  options: {
    type: { type: 'string', value: '<type>', description: 'only the relation of this type' },
    ...CODEBOOK_OPTIONS,
  },
  positionals: { min: 2, max: 2 },
  run: async (context, args) => {
    const [from, to] = args.positionals as [string, string];
    const type = args.string('type');
    const study = await openCodebook(context, args.string('study'));
    const types = study.settings.relationTypes;
    const ends = { from, to, ...(type !== undefined ? { type } : {}) };
    codebookEdits.unrelate(study.codebook, ends, types); // nothing to remove fails before the file is touched
    const removed = await unrelateCodes(context.fs, study.codebookUri, ends, types);
    const where = context.out.path(study.codebookUri);
    for (const relation of removed) context.out.line(`${where}: removed ${describeRelation(relation)}`);
    context.out.data({
      codebook: where,
      removed: removed.map((r) => ({ from: r.from, type: r.type, to: r.to, memo: r.memo ?? null })),
    });
    return EXIT_OK;
  },
};
