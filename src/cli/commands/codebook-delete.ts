import { codebookEdits, deleteCode, describeRelation, relationsOfCode, sidecarUrisNow } from '../../core/index';
import type { CommandSpec } from '../command';
import { CliError, EXIT_OK } from '../errors';
import { requireAllSidecarsLoad } from '../study-guards';
import { CODEBOOK_OPTIONS, openCodebook } from './codebook-shared';
import { usageOfCode } from './codebook-usage';

export const codebookDeleteCommand: CommandSpec = {
  name: 'codebook delete',
  summary: 'delete a code (refused while codings use it, unless --force)',
  usage: ['codebook delete <id> [--force]'],
  details: [
    'Its children move up to its parent. With --force the codings that use it are deleted too; consider `grounded codebook merge` instead.',
  ],
  options: {
    force: { type: 'boolean', description: 'also delete every coding and relation that uses the code' },
    ...CODEBOOK_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run: async (context, args) => {
    const id = args.positional(0) as string;
    const { out } = context;
    const study = await openCodebook(context, args.string('study'));
    const force = args.flag('force');
    const relations = relationsOfCode(study.codebook, id);
    if (relations.length > 0 && !force) {
      throw new CliError(
        `code "${id}" is in ${relations.length} relation(s): ${relations.map(describeRelation).join('; ')}; nothing was deleted`,
        1,
        `remove them (\`grounded codebook unrelate <from> <to>\`), or run with --force to delete them with the code`,
      );
    }
    codebookEdits.remove(study.codebook, id, force); // an unknown id fails before any file is touched
    requireAllSidecarsLoad(study, out); // codings in a file that does not load could not be counted
    const usage = await usageOfCode(context.fs, study, id);
    if (usage.codings > 0 && !force) {
      throw new CliError(
        `code "${id}" is used by ${usage.codings} coding(s) in ${usage.files} file(s); nothing was deleted`,
        1,
        `merge it into another code (\`grounded codebook merge ${id} <other>\`), or run with --force to delete those codings too`,
      );
    }
    const parent = study.codebook.codes.find((c) => c.id === id)?.parent;
    const children = study.codebook.codes.filter((c) => c.parent === id).map((c) => c.id);
    const removed = await deleteCode(
      context.fs,
      study.codebookUri,
      () => sidecarUrisNow(context.fs, study),
      id,
      usage.codings,
      force,
      study.codebook,
      force,
    );
    out.line(
      `deleted code ${id}${removed.codings > 0 ? ` and ${removed.codings} coding(s) in ${usage.files} file(s)` : ''}${children.length > 0 ? `; ${children.join(', ')} moved ${parent ? `under ${parent}` : 'to the top level'}` : ''}`,
    );
    for (const relation of removed.relations) out.line(`removed relation: ${describeRelation(relation)}`);
    out.data({
      deleted: id,
      codings: removed.codings,
      files: usage.files,
      children,
      relations: removed.relations.map((r) => ({ from: r.from, type: r.type, to: r.to, memo: r.memo ?? null })),
    });
    return EXIT_OK;
  },
};
