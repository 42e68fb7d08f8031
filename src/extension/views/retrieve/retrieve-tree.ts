import * as vscode from 'vscode';
import {
  allCodings,
  type Code,
  descendantsOf,
  type FileSystemPort,
  type Loaded,
  loadSurvey,
  type LocatedCoding,
  type MergedSurvey,
  rowsById,
  type Study,
  type StudyTranscript,
  type SurveyCache,
} from '../../../core/index';
import type { StudyService } from '../../study/study-service';
import type { BlindCoding } from '../../study/blind-coding';
import { codeIcon } from '../../shared/code-icons';
import { toVscodeUri } from '../../platform/workspace-file-system';
import { firstWords } from '../text';
import type { CodingPlace } from '../reveal-coding';
import { attributeLabels, describeFilters, rowPasses, type AttributeFilter } from './survey-filter';

/** What the Retrieve view lists: one code (children included) of one study, optionally narrowed. */
export interface RetrieveQuery {
  readonly study: string;
  readonly code: string;
  readonly filters: readonly AttributeFilter[];
  /** Coders whose codings are listed; empty: everyone's. */
  readonly coders: readonly string[];
}

export interface TranscriptGroup {
  readonly kind: 'transcript';
  readonly transcript: StudyTranscript;
  readonly attributes: readonly string[];
  readonly quotes: readonly QuoteNode[];
}

export interface QuoteNode {
  readonly kind: 'quote';
  readonly located: LocatedCoding;
  readonly code: Code | undefined;
}

export type RetrieveNode = TranscriptGroup | QuoteNode;

export interface RetrieveResult {
  readonly query: RetrieveQuery;
  readonly code: Code | undefined;
  readonly groups: readonly TranscriptGroup[];
  readonly quotes: number;
  /** Whether the code has sub-codes, whose quotes are listed too. */
  readonly withSubCodes: boolean;
}

/**
 * The Retrieve view: every quote of a code and its sub-codes across the study's transcripts, grouped by
 * transcript (participant), for constant comparison. A survey filter keeps only participants whose
 * answers match (e.g. gender = female), joined on the participant id like every analysis.
 */
export class RetrieveTree implements vscode.TreeDataProvider<RetrieveNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RetrieveNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly surveys = new WeakMap<Study, Promise<Loaded<MergedSurvey> | undefined>>();
  private view: vscode.TreeView<RetrieveNode> | undefined;
  private current: RetrieveQuery | undefined;
  private last: RetrieveResult | undefined;

  constructor(
    private readonly studies: StudyService,
    private readonly fs: FileSystemPort,
    private readonly blind: BlindCoding,
    private readonly surveyCache: SurveyCache,
  ) {
    this.disposables.push(
      studies.onDidChangeStudy((study) => {
        if (study.root === this.current?.study) this.refresh();
      }),
      blind.onDidChange(() => {
        if (this.current) this.refresh();
      }),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  attach(view: vscode.TreeView<RetrieveNode>): void {
    this.view = view;
  }

  get query(): RetrieveQuery | undefined {
    return this.current;
  }

  /** Shows another query; returns what it lists. */
  async set(query: RetrieveQuery | undefined): Promise<RetrieveResult | undefined> {
    this.current = query;
    await Promise.all([
      vscode.commands.executeCommand('setContext', 'grounded.retrieve.hasCode', query !== undefined),
      vscode.commands.executeCommand(
        'setContext',
        'grounded.retrieve.filtered',
        (query?.filters.length ?? 0) + (query?.coders.length ?? 0) > 0,
      ),
    ]);
    const result = await this.result();
    this.emitter.fire(undefined);
    return result;
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** The study's survey, merged from its files; an error result when it does not load. */
  survey(study: Study): Promise<Loaded<MergedSurvey> | undefined> {
    let survey = this.surveys.get(study);
    if (!survey) {
      survey = loadSurvey(this.fs, study, this.surveyCache);
      this.surveys.set(study, survey);
    }
    return survey;
  }

  /** What the current query lists (also how the tests read the view). */
  async result(): Promise<RetrieveResult | undefined> {
    const query = this.current;
    if (!query) {
      this.last = undefined;
      this.describe();
      return undefined;
    }
    const study = await this.studies.study(query.study);
    const code = study.codebook.codes.find((c) => c.id === query.code);
    const ids = descendantsOf(study.codebook, query.code);
    let survey: MergedSurvey | undefined;
    if (query.filters.length > 0) {
      const loaded = await this.survey(study);
      if (!loaded?.ok) {
        this.last = { query, code, groups: [], quotes: 0, withSubCodes: ids.size > 1 };
        this.describe(
          loaded
            ? `The survey does not load: ${loaded.problems[0]?.message ?? 'see Problems'}`
            : 'This study has no survey (survey.files in grounded.yaml).',
        );
        return this.last;
      }
      survey = loaded.value;
    }
    const rows = survey ? rowsById(survey) : undefined;
    const coders = new Set(query.coders);
    const byTranscript = new Map<StudyTranscript, LocatedCoding[]>();
    // While blind, only the current coder's quotes.
    for (const located of allCodings(this.blind.view(study))) {
      if (!ids.has(located.coding.code)) continue;
      if (coders.size > 0 && !coders.has(located.coding.by)) continue;
      const row = located.transcript.participant === undefined ? undefined : rows?.get(located.transcript.participant);
      if (survey && !rowPasses(survey, row, query.filters)) continue;
      byTranscript.set(located.transcript, [...(byTranscript.get(located.transcript) ?? []), located]);
    }
    const codesById = new Map(study.codebook.codes.map((c) => [c.id, c]));
    const groups: TranscriptGroup[] = [...byTranscript.entries()]
      .sort(([a], [b]) => a.path.localeCompare(b.path))
      .map(([transcript, located]) => ({
        kind: 'transcript',
        transcript,
        attributes: survey
          ? attributeLabels(
              survey,
              transcript.participant === undefined ? undefined : rows?.get(transcript.participant),
              query.filters.map((f) => f.column),
            )
          : [],
        quotes: located
          .sort(
            (a, b) =>
              a.coding.start - b.coding.start || a.coding.end - b.coding.end || a.coding.by.localeCompare(b.coding.by),
          )
          .map((entry) => ({ kind: 'quote', located: entry, code: codesById.get(entry.coding.code) })),
      }));
    this.last = {
      query,
      code,
      groups,
      quotes: groups.reduce((sum, g) => sum + g.quotes.length, 0),
      withSubCodes: ids.size > 1,
    };
    this.describe();
    return this.last;
  }

  async getChildren(node?: RetrieveNode): Promise<RetrieveNode[]> {
    if (node) return node.kind === 'transcript' ? [...node.quotes] : [];
    return [...((await this.result())?.groups ?? [])];
  }

  getTreeItem(node: RetrieveNode): vscode.TreeItem {
    if (node.kind === 'transcript') {
      const { transcript } = node;
      const item = new vscode.TreeItem(
        transcript.participant ?? transcript.path,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `retrieve:${transcript.uri}`;
      item.iconPath = new vscode.ThemeIcon('person');
      item.description = [
        transcript.participant !== undefined ? transcript.path : '',
        ...node.attributes,
        `${node.quotes.length} ${node.quotes.length === 1 ? 'quote' : 'quotes'}`,
      ]
        .filter(Boolean)
        .join(' · ');
      item.resourceUri = toVscodeUri(transcript.uri);
      item.contextValue = 'grounded.retrieve.transcript';
      return item;
    }
    const { coding, transcript } = node.located;
    const item = new vscode.TreeItem(firstWords(coding.quote, 80), vscode.TreeItemCollapsibleState.None);
    item.id = `retrieve:${node.located.sidecar.uri}#${coding.id}`;
    const other = coding.code !== this.current?.code;
    item.description = [other ? (node.code?.name ?? coding.code) : '', coding.by, coding.status ?? '']
      .filter(Boolean)
      .join(' · ');
    item.iconPath = node.code ? codeIcon(node.code) : new vscode.ThemeIcon('tag');
    item.tooltip = [
      `${node.code?.name ?? coding.code} — ${transcript.participant ?? transcript.path}, ${coding.by}`,
      '',
      coding.quote,
      ...(coding.memo ? ['', `Memo: ${coding.memo}`] : []),
    ].join('\n');
    const place: CodingPlace = { uri: transcript.uri, start: coding.start, end: coding.end, codingId: coding.id };
    item.command = { command: 'grounded.revealCoding', title: 'Show Coding', arguments: [place] };
    item.contextValue = 'grounded.retrieve.quote';
    return item;
  }

  /** The view's description names the code; its message, the filter and how much it lists. */
  private describe(problem?: string): void {
    if (!this.view) return;
    const last = this.last;
    if (!last) {
      this.view.description = undefined;
      this.view.message = undefined;
      return;
    }
    const { query } = last;
    this.view.description = `${last.code?.name ?? query.code}${last.withSubCodes ? ' + sub-codes' : ''}`;
    const parts = [
      describeFilters(query.filters),
      query.coders.length > 0 ? `coder: ${query.coders.join(', ')}` : '',
    ].filter(Boolean);
    const counts = `${last.quotes} ${last.quotes === 1 ? 'quote' : 'quotes'} from ${last.groups.length} ${last.groups.length === 1 ? 'transcript' : 'transcripts'}`;
    this.view.message =
      problem ??
      (parts.length > 0
        ? `${parts.join(' · ')} — ${counts}`
        : last.quotes === 0
          ? 'No quotes of this code yet.'
          : undefined);
  }
}
