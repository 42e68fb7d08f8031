import {
  type CodeRelation,
  relateCodes,
  relationEdits,
  relationsOf,
  setCoreCategory,
  setRelationMemo,
  type Study,
  unrelateCodes,
} from '../../../core/index';
import { reloadFresh } from '../../shared/fresh-reload';
import type { CodebookContext } from '../codebook-context';

// The relation commands' writes: each checked against the codebook as loaded first (so a refusal names the
// problem before anything else happens), then made by the core under the codebook's lock, then reloaded until
// the study shows it.

const same = (a: Pick<CodeRelation, 'from' | 'type' | 'to'>, b: Pick<CodeRelation, 'from' | 'type' | 'to'>) =>
  a.from === b.from && a.type === b.type && a.to === b.to;

export async function relate(context: CodebookContext, study: Study, relation: CodeRelation): Promise<void> {
  const types = study.settings.relationTypes;
  relationEdits.relate(study.codebook, relation, types);
  await relateCodes(context.fs, study.codebookUri, relation, types);
  await reloadFresh(context.services.studies, study.root, (loaded) =>
    relationsOf(loaded.codebook).some((r) => same(r, relation)),
  );
}

export async function unrelate(context: CodebookContext, study: Study, relation: CodeRelation): Promise<void> {
  const types = study.settings.relationTypes;
  const ends = { from: relation.from, to: relation.to, type: relation.type };
  relationEdits.unrelate(study.codebook, ends, types);
  await unrelateCodes(context.fs, study.codebookUri, ends, types);
  await reloadFresh(
    context.services.studies,
    study.root,
    (loaded) => !relationsOf(loaded.codebook).some((r) => same(r, relation)),
  );
}

export async function saveRelationMemo(
  context: CodebookContext,
  study: Study,
  relation: CodeRelation,
  memo: string | undefined,
): Promise<void> {
  const types = study.settings.relationTypes;
  relationEdits.setMemo(study.codebook, relation, memo ?? '', types);
  await setRelationMemo(context.fs, study.codebookUri, relation, memo ?? '', types);
  await reloadFresh(context.services.studies, study.root, (loaded) =>
    relationsOf(loaded.codebook).some((r) => same(r, relation) && r.memo === memo),
  );
}

export async function markCore(context: CodebookContext, study: Study, id: string, core: boolean): Promise<void> {
  const target = core ? id : null;
  relationEdits.setCore(study.codebook, target);
  await setCoreCategory(context.fs, study.codebookUri, target);
  await reloadFresh(
    context.services.studies,
    study.root,
    (loaded) => (loaded.codebook.codes.find((c) => c.id === id)?.core === true) === core,
  );
}
