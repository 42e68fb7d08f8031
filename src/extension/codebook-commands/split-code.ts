import * as vscode from 'vscode';
import { allCodings, changeCodings, type Coding, type LocatedCoding, type Study } from '../../core/index';
import { addCode, addCodeInteractively } from '../shared/code-creation';
import { pickCodes } from '../shared/code-picker';
import { shorten } from '../shared/coding-choice';
import { UserError } from '../shared/errors';
import { currentTranscriptRef } from '../shared/transcript-target';
import { reloadFresh } from '../shared/fresh-reload';
import { commandArgs } from '../shared/register-command';
import { chooseCode, codebookStudy, requireAllSidecarsLoad, studyPath, type CodebookContext } from './codebook-context';

/**
 * grounded.splitCode: some codings of a code move to another code, new or existing — how a code that
 * turned out to hold two ideas is separated. The person picks the codings from a list of their quotes; a
 * script passes `{ id, codings }` (the ids of the codings that move) and either `into` (an existing code) or
 * `name` (a new code, created beside the split code).
 */
export function splitCode(context: CodebookContext) {
  return async (arg?: unknown): Promise<{ into: string; moved: number } | undefined> => {
    const args = commandArgs(arg);
    let study = await codebookStudy(context, arg);
    if (!study) return undefined;
    requireAllSidecarsLoad(study);
    const source = await chooseCode(context, study, args.codeId(), 'Split which code?');
    const codings = args.strings('codings');
    if (!source) return undefined;
    let located = allCodings(study).filter(({ coding }) => coding.code === source.id);
    if (codings?.some((id) => !located.some(({ coding }) => coding.id === id))) {
      // A script may name codings written a moment ago that the cached study does not show yet.
      study = await context.services.studies.reload(study.root);
      located = allCodings(study).filter(({ coding }) => coding.code === source.id);
    }
    if (located.length === 0) throw new UserError(`"${source.name}" has no codings to split off.`);

    let into = args.string('into');
    const newName = args.string('name');
    const parent = source.parent ? { parent: source.parent } : {};
    if (into !== undefined) {
      if (!study.codebook.codes.some((c) => c.id === into))
        throw new UserError(`There is no code "${into}" in the codebook.`);
    } else if (newName !== undefined) {
      into = (await addCode(context.fs, study, newName, parent)).id;
    } else {
      const choices = await pickCodes(study, {
        title: `Split "${source.name}": move codings to…`,
        allowCreate: true,
        exclude: new Set([source.id]),
      });
      const choice = choices?.[0];
      if (!choice) return undefined;
      into = 'id' in choice ? choice.id : await addCodeInteractively(context.fs, study, choice.newName, parent);
      if (into === undefined) return undefined;
    }
    if (into === source.id) throw new UserError('Pick another code to split into.');

    const chosen = codings ? new Set(codings) : await pickCodings(study, located, into);
    if (!chosen || chosen.size === 0) return undefined;
    const unknown = [...chosen].filter((id) => !located.some(({ coding }) => coding.id === id));
    if (unknown.length > 0) throw new UserError(`Not codings of "${source.name}": ${unknown.join(', ')}`);

    let moved = 0;
    const bySidecar = new Map<string, LocatedCoding[]>();
    for (const entry of located)
      if (chosen.has(entry.coding.id))
        bySidecar.set(entry.sidecar.uri, [...(bySidecar.get(entry.sidecar.uri) ?? []), entry]);
    for (const entries of bySidecar.values()) {
      const { transcript, sidecar } = entries[0] as LocatedCoding;
      const current = await currentTranscriptRef(context.services, transcript.uri);
      const ids = new Set(entries.map(({ coding }) => coding.id));
      await changeCodings(context.fs, current?.ref ?? transcript, sidecar.coder, (codings) => {
        let changed = 0;
        const next = codings.map((coding): Coding =>
          ids.has(coding.id) && coding.code === source.id ? (changed++, { ...coding, code: into as string }) : coding,
        );
        moved += changed;
        return changed > 0 ? next : undefined;
      });
    }
    study = await reloadFresh(context.services.studies, study.root, (loaded) =>
      allCodings(loaded).every(({ coding }) => !chosen.has(coding.id) || coding.code === into),
    );
    const name = study.codebook.codes.find((c) => c.id === into)?.name ?? into;
    vscode.window.setStatusBarMessage(`Grounded: moved ${moved} coding(s) from "${source.name}" to "${name}"`, 5000);
    return { into, moved };
  };
}

async function pickCodings(
  study: Study,
  located: readonly LocatedCoding[],
  into: string,
): Promise<Set<string> | undefined> {
  const name = study.codebook.codes.find((c) => c.id === into)?.name ?? into;
  const items = located.map(({ transcript, coding }) => ({
    label: `“${shorten(coding.quote, 100)}”`,
    description: `${studyPath(study, transcript.uri)} · ${coding.by}`,
    ...(coding.memo ? { detail: `memo: ${shorten(coding.memo, 100)}` } : {}),
    id: coding.id,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Which codings move to "${name}"?`,
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked ? new Set(picked.map((item) => item.id)) : undefined;
}
