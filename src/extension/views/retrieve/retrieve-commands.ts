import * as vscode from 'vscode';
import type { GroundedServices } from '../../services';
import { pickOneCode } from '../../shared/code-picker';
import { UserError } from '../../shared/errors';
import { bindCommands, commandArgs } from '../../shared/register-command';
import { whichStudy } from '../../shared/which-study';
import { RETRIEVE_COMMANDS } from '../commands';
import type { RetrieveResult, RetrieveTree } from './retrieve-tree';
import { filterableColumns, levelsOf, type AttributeFilter } from './survey-filter';
import { cellLabel } from '../../../core/index';

/** `filters: [{ column, values }]` from a script, checked; undefined when absent. */
function scriptedFilters(value: unknown): AttributeFilter[] | undefined {
  if (value === undefined) return undefined;
  const valid =
    Array.isArray(value) &&
    value.every(
      (f: unknown) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as AttributeFilter).column === 'string' &&
        Array.isArray((f as AttributeFilter).values) &&
        (f as AttributeFilter).values.every((v) => typeof v === 'string'),
    );
  if (!valid) throw new UserError('The command argument "filters" must be a list of { column, values }.');
  return (value as AttributeFilter[]).map((f) => ({ column: f.column, values: [...f.values] }));
}

/** Retrieve's commands: choose the code, filter by survey answers and by coder, clear the filters. */
export function registerRetrieveCommands(services: GroundedServices, tree: RetrieveTree): void {
  const { context } = services;

  const retrieveQuotes = async (arg?: unknown): Promise<RetrieveResult | undefined> => {
    const args = commandArgs(arg);
    // From the Codebook view's menu the argument is a code node ({kind: 'code', id, study}).
    const fromNode = args.viewItem('code')?.id;
    const requested = args.string('code') ?? (typeof fromNode === 'string' ? fromNode : undefined);
    const study = await whichStudy(services.studies, args.study());
    if (!study) return undefined;
    const code = requested ?? (await pickOneCode(study, { title: 'Retrieve the quotes of which code?' }));
    if (code === undefined) return undefined;
    if (!study.codebook.codes.some((c) => c.id === code))
      throw new UserError(`There is no code "${code}" in the codebook.`);
    const previous = tree.query;
    // Filters stay when another code of the same study is chosen: comparing codes within one group is the point.
    const keep = previous?.study === study.root;
    // The analysis panel's network passes its own filters and coders: the quotes behind the node clicked.
    const filters = scriptedFilters(args.unknown('filters'));
    const coders = args.strings('coders');
    const result = await tree.set({
      study: study.root,
      code,
      filters: filters ?? (keep ? previous.filters : []),
      coders: coders ? [...coders] : keep ? previous.coders : [],
    });
    await vscode.commands.executeCommand('grounded.retrieve.focus');
    return result;
  };

  const filterBySurvey = async (arg?: unknown): Promise<RetrieveResult | undefined> => {
    const query = tree.query;
    if (!query) throw new UserError('Choose a code to retrieve first.');
    const study = await services.studies.study(query.study);
    const loaded = await tree.survey(study);
    if (!loaded) throw new UserError('This study has no survey: set survey.files in grounded.yaml.');
    if (!loaded.ok)
      throw new UserError(`The survey does not load: ${loaded.problems[0]?.message ?? 'see the Problems panel'}.`);
    const survey = loaded.value;
    const args = commandArgs(arg);
    const scriptedColumn = args.string('column');
    const scriptedValues = args.unknown('values');
    let filter: AttributeFilter | undefined;
    if (scriptedColumn !== undefined && Array.isArray(scriptedValues)) {
      if (!survey.columns.some((c) => c.name === scriptedColumn))
        throw new UserError(`The survey has no column "${scriptedColumn}".`);
      filter = { column: scriptedColumn, values: scriptedValues.map(String) };
    } else {
      const columns = filterableColumns(survey);
      if (columns.length === 0)
        throw new UserError('The survey has no column with a few labelled answers to filter by.');
      const column = await vscode.window.showQuickPick(
        columns.map((c) => ({
          label: c.name,
          description: `${c.type} · ${levelsOf(survey, c).length} values`,
          column: c,
        })),
        { title: 'Filter quotes by which survey column?', matchOnDescription: true },
      );
      if (!column) return undefined;
      const counts = new Map<string, number>();
      for (const row of survey.rows) {
        const label = cellLabel(column.column, row.values[column.column.name] ?? null);
        if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      const current = query.filters.find((f) => f.column === column.column.name)?.values ?? [];
      const values = await vscode.window.showQuickPick(
        levelsOf(survey, column.column).map((label) => ({
          label,
          description: `${counts.get(label) ?? 0} participants`,
          picked: current.includes(label),
        })),
        { title: `${column.column.name}: keep participants whose answer is…`, canPickMany: true },
      );
      if (!values) return undefined;
      filter = { column: column.column.name, values: values.map((v) => v.label) };
    }
    const others = query.filters.filter((f) => f.column !== filter.column);
    return tree.set({ ...query, filters: filter.values.length > 0 ? [...others, filter] : others });
  };

  const filterByCoder = async (arg?: unknown): Promise<RetrieveResult | undefined> => {
    const query = tree.query;
    if (!query) throw new UserError('Choose a code to retrieve first.');
    const scripted = commandArgs(arg).unknown('coders');
    let coders: string[];
    if (Array.isArray(scripted)) coders = scripted.map(String);
    else {
      const study = await services.studies.study(query.study);
      const all = [...new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.coder)))].sort();
      const picked = await vscode.window.showQuickPick(
        all.map((coder) => ({ label: coder, picked: query.coders.includes(coder) })),
        { title: 'Show the codings of which coders? (none ticked: everyone)', canPickMany: true },
      );
      if (!picked) return undefined;
      coders = picked.map((p) => p.label);
    }
    return tree.set({ ...query, coders });
  };

  const clearFilters = async (): Promise<RetrieveResult | undefined> => {
    const query = tree.query;
    return query ? tree.set({ ...query, filters: [], coders: [] }) : undefined;
  };

  bindCommands(context, RETRIEVE_COMMANDS, {
    retrieveQuotes,
    retrieveFilter: filterBySurvey,
    retrieveFilterCoders: filterByCoder,
    retrieveClearFilters: clearFilters,
  });
}
