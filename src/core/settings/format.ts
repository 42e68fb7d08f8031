import { UNCODED_MODES, type StudySettings, type UncodedMode } from '../model';
import type { Loaded } from '../problems';
import { FieldReader } from '../yaml/field-reader';
import { parseYamlSafely } from '../yaml/safe-parse';
import { backtrackingRisk } from './pattern-backtracking';
import { reasonPathLeavesStudy } from './configured-paths';
import { DEFAULT_RELATION_TYPES, readRelationTypes } from './relation-types';

export const SETTINGS_FILE = 'grounded.yaml';
export const SETTINGS_VERSION = 1;
export const DEFAULT_MISSING_TOKENS = ['', 'NA', 'N/A'] as const;
export const SURVEY_TYPES = ['numeric', 'ordinal', 'categorical', 'yes-no', 'text', 'date'] as const;

/** What a study gets without a grounded.yaml: transcripts anywhere, codebook and survey at the root. */
export const DEFAULT_SETTINGS: StudySettings = {
  transcripts: ['**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**', 'memos/**'],
  codebook: 'codebook.yaml',
  memos: 'memos',
  survey: { files: ['survey.csv'], idColumn: 'participant_id', missing: [...DEFAULT_MISSING_TOKENS], types: {} },
  participants: { overrides: {} },
  analysis: { uncoded: 'missing' },
  relationTypes: DEFAULT_RELATION_TYPES,
};

const ROOT_KEYS = [
  'grounded',
  'transcripts',
  'exclude',
  'codebook',
  'memos',
  'survey',
  'participants',
  'analysis',
  'relationTypes',
] as const;
const ANALYSIS_KEYS = ['uncoded'] as const;
const SURVEY_KEYS = ['files', 'idColumn', 'missing', 'types'] as const;
const PARTICIPANT_KEYS = ['pattern', 'overrides'] as const;

/** Reads grounded.yaml; every key is optional and falls back to DEFAULT_SETTINGS. */
export function parseSettings(uri: string, text: string): Loaded<StudySettings> {
  const parsed = parseYamlSafely(uri, text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const data = parsed.file.data ?? {};
  const reader = new FieldReader(parsed.file);
  const root = reader.object(data, [], ROOT_KEYS);
  if (!root) return { ok: false, problems: reader.problems };
  if (root['grounded'] !== undefined) reader.version(root, SETTINGS_VERSION);
  const defaults = DEFAULT_SETTINGS;
  const surveyRecord =
    root['survey'] === undefined ? {} : (reader.object(root['survey'], ['survey'], SURVEY_KEYS) ?? {});
  const participantRecord =
    root['participants'] === undefined
      ? {}
      : (reader.object(root['participants'], ['participants'], PARTICIPANT_KEYS) ?? {});
  const types = readStringMap(reader, surveyRecord, 'types', ['survey']);
  for (const [column, type] of Object.entries(types)) {
    if (!(SURVEY_TYPES as readonly string[]).includes(type)) {
      reader.error(
        ['survey', 'types', column],
        'schema',
        `type "${type}" of column "${column}" is not one of ${SURVEY_TYPES.join(', ')}`,
      );
    }
  }
  const analysisRecord =
    root['analysis'] === undefined || root['analysis'] === null
      ? {}
      : (reader.object(root['analysis'], ['analysis'], ANALYSIS_KEYS) ?? {});
  const uncoded = readUncoded(reader, analysisRecord);
  const pattern = reader.optionalString(participantRecord, 'pattern', ['participants']);
  if (pattern !== undefined) checkParticipantPattern(reader, pattern);
  const settings: StudySettings = {
    transcripts: root['transcripts'] === undefined ? defaults.transcripts : reader.stringList(root, 'transcripts', []),
    exclude: root['exclude'] === undefined ? defaults.exclude : reader.stringList(root, 'exclude', []),
    codebook: reader.optionalString(root, 'codebook', []) ?? defaults.codebook,
    memos: reader.optionalString(root, 'memos', []) ?? defaults.memos,
    survey: {
      files:
        surveyRecord['files'] === undefined
          ? defaults.survey.files
          : reader.stringList(surveyRecord, 'files', ['survey']),
      idColumn: reader.optionalString(surveyRecord, 'idColumn', ['survey']) ?? defaults.survey.idColumn,
      missing:
        surveyRecord['missing'] === undefined
          ? defaults.survey.missing
          : reader.stringList(surveyRecord, 'missing', ['survey']),
      types,
    },
    participants: {
      ...(pattern !== undefined ? { pattern } : {}),
      overrides: readStringMap(reader, participantRecord, 'overrides', ['participants']),
    },
    analysis: { uncoded },
    relationTypes: readRelationTypes(reader, root),
  };
  checkPathsStayInside(reader, root, surveyRecord, settings);
  if (reader.problems.length > 0) return { ok: false, problems: reader.problems };
  return { ok: true, value: settings, warnings: [] };
}

/** Each path the file sets (not the defaults) names something inside the study folder. */
function checkPathsStayInside(
  reader: FieldReader,
  root: Record<string, unknown>,
  survey: Record<string, unknown>,
  settings: StudySettings,
): void {
  const check = (setting: (string | number)[], what: string, path: string, kind: 'file' | 'glob' = 'file') => {
    const reason = reasonPathLeavesStudy(path, kind);
    if (reason === undefined) return;
    reader.error(
      setting,
      'outside-study',
      `${what} "${path}" is not inside the study folder: ${reason}`,
      'give a path relative to the folder of grounded.yaml that stays inside it; move the file into the study if it is elsewhere',
    );
  };
  if (root['codebook'] !== undefined) check(['codebook'], 'codebook', settings.codebook);
  if (root['memos'] !== undefined) check(['memos'], 'memos', settings.memos);
  if (survey['files'] !== undefined)
    settings.survey.files.forEach((file, i) => check(['survey', 'files', i], 'survey file', file));
  if (root['transcripts'] !== undefined)
    settings.transcripts.forEach((glob, i) => check(['transcripts', i], 'transcripts pattern', glob, 'glob'));
  if (root['exclude'] !== undefined)
    settings.exclude.forEach((glob, i) => check(['exclude', i], 'exclude pattern', glob, 'glob'));
}

/** A valid regular expression that cannot hang a load on an unlucky file name (pattern-backtracking.ts). */
function checkParticipantPattern(reader: FieldReader, pattern: string): void {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    reader.error(
      ['participants', 'pattern'],
      'schema',
      `participants.pattern is not a valid regular expression: ${(error as Error).message}`,
    );
    return;
  }
  const risk = backtrackingRisk(pattern);
  if (risk !== undefined) {
    reader.error(
      ['participants', 'pattern'],
      'slow-pattern',
      `participants.pattern "${pattern}" is refused: ${risk}`,
      'do not repeat a group that itself contains +, * or {n,}: e.g. "^(?<id>P+)" instead of "^(?<id>(P+)+)"',
    );
  }
}

/** `analysis.uncoded`: missing (the default) or absent. */
function readUncoded(reader: FieldReader, record: Record<string, unknown>): UncodedMode {
  const value = record['uncoded'];
  if (value === undefined || value === null) return DEFAULT_SETTINGS.analysis.uncoded;
  if (typeof value === 'string' && (UNCODED_MODES as readonly string[]).includes(value)) return value as UncodedMode;
  reader.error(
    ['analysis', 'uncoded'],
    'schema',
    `analysis.uncoded is ${JSON.stringify(value)}; it must be ${UNCODED_MODES.join(' or ')}`,
    'missing: a participant whose transcripts nobody coded is left out of code figures; absent: such a participant counts as not having the code',
  );
  return DEFAULT_SETTINGS.analysis.uncoded;
}

function readStringMap(
  reader: FieldReader,
  record: Record<string, unknown>,
  key: string,
  path: (string | number)[],
): Record<string, string> {
  const value = record[key];
  if (value === undefined || value === null) return {};
  const map = reader.object(value, [...path, key], Object.keys(value as object));
  const result: Record<string, string> = {};
  for (const [name, item] of Object.entries(map ?? {})) {
    if (typeof item === 'string') result[name] = item;
    else reader.error([...path, key, name], 'schema', `"${key}.${name}" must be a string`);
  }
  return result;
}

/** The grounded.yaml `grounded init` writes: the defaults spelled out, so researchers see what they can change. */
export function initialSettingsText(options: {
  transcripts: readonly string[];
  surveyFile?: string;
  idColumn?: string;
  participantPattern?: string;
}): string {
  const lines = [
    '# Grounded study settings. Every key is optional; see the README for what each does.',
    'grounded: 1',
    'transcripts:',
    ...options.transcripts.map((glob) => `  - ${JSON.stringify(glob)}`),
    'codebook: codebook.yaml',
    'memos: memos',
    'survey:',
    '  files:',
    `    - ${JSON.stringify(options.surveyFile ?? 'survey.csv')}`,
    `  idColumn: ${JSON.stringify(options.idColumn ?? 'participant_id')}`,
    '  missing: ["", "NA", "N/A"]',
    'participants:',
    '  # A regular expression on the transcript file name (without extension); the group "id" is the participant.',
    options.participantPattern === undefined
      ? '  # pattern: "^(?<id>P\\\\d+)"'
      : `  pattern: ${JSON.stringify(options.participantPattern)}`,
    '  overrides: {}',
    'analysis:',
    '  # A participant whose transcripts nobody has coded: missing (left out of code figures) or absent (counts as 0).',
    '  uncoded: missing',
  ];
  return lines.join('\n') + '\n';
}

/**
 * Line and column of a key's value in grounded.yaml, for problems found after parsing (where a path leads
 * on disk); undefined when the file does not set that key (the default applies).
 */
export function settingPosition(
  uri: string,
  text: string,
  setting: readonly (string | number)[],
): { line: number; column: number } | undefined {
  const parsed = parseYamlSafely(uri, text);
  if (!parsed.ok) return undefined;
  let value: unknown = parsed.file.data;
  for (const key of setting) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value === undefined ? undefined : parsed.file.positionOf(setting);
}
