import { findRelationType, relationsOf, relationTypeLabel } from '../../core/index';
import type { CommandSpec } from '../command';
import { EXIT_OK, EXIT_PROBLEMS } from '../errors';
import { CODEBOOK_OPTIONS, openCodebook } from './codebook-shared';

export const codebookRelationsCommand: CommandSpec = {
  name: 'codebook relations',
  summary: 'list the relations between codes and the core category',
  usage: ['codebook relations [--json]'],
  details: [
    'JSON: a list of { from, type, to, memo } (memo null when there is none), in codebook order.',
    'Exit 1 when a relation names a type the study does not define (shown as file:line:col).',
  ],
  options: { ...CODEBOOK_OPTIONS },
  positionals: { min: 0, max: 0 },
  run: async (context, args) => {
    const { out } = context;
    const study = await openCodebook(context, args.string('study'));
    const relations = relationsOf(study.codebook);
    const nameOf = new Map(study.codebook.codes.map((c) => [c.id, c.name]));
    const unknownTypes = study.problems.filter((p) => p.kind === 'unknown-relation-type');
    for (const problem of unknownTypes) out.error(out.formatProblem(problem));
    const core = study.codebook.codes.filter((c) => c.core);
    if (core.length > 0) out.line(`core category: ${core.map((c) => `${c.name} [${c.id}]`).join(', ')}`);
    if (relations.length === 0)
      out.line('no relations yet: add one with `grounded codebook relate <from> <to> --type <type>`');
    for (const r of relations) {
      const type = findRelationType(study.settings.relationTypes, r.type);
      const arrow = type?.directed === false ? '↔' : '→';
      out.line(
        `${nameOf.get(r.from) ?? r.from} [${r.from}] ${arrow} ${type ? relationTypeLabel(type) : r.type} ${arrow} ${nameOf.get(r.to) ?? r.to} [${r.to}]${r.memo ? `: ${r.memo}` : ''}`,
      );
    }
    out.data(relations.map((r) => ({ from: r.from, type: r.type, to: r.to, memo: r.memo ?? null })));
    return unknownTypes.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
