import Papa from 'papaparse';
import type { Coding } from '../../model';
import { serializeCodebook } from '../../codebook/format';
import { serializeSidecar, sidecarFileName } from '../../sidecar/format';
import { compareCodings } from '../../sidecar/order';
import { quoteSelector } from '../../anchoring/selector';
import { makeCodings } from '../../study/coding-operations';
import { coderIdFrom, newId } from '../../study/ids';
import { hashText } from '../../text/hash';
import { canonicalize } from '../../text/canonical';
import { yamlQuoted } from '../../yaml/emit';
import type { ImportPlan, ImportWarning, ImportedTranscript, PlannedFile } from './import-plan';
import type { RefiProject, RefiSelection, RefiText, RefiTextSource, Skipped } from './project-model';
import { mapCodes } from './map-codes';
import { decodeSource, SourcePositions } from './source-text';
import { safeStem, UniqueNames, withoutDocumentExtension } from './file-names';

/** Coder id of codings whose user the project does not name. */
export const UNKNOWN_CODER = 'imported';
export const TRANSCRIPT_FOLDER = 'transcripts';
const SURVEY_FILE = 'survey.csv';
const MEMO_FOLDER = 'memos';

/** The text a source or note path points to inside the package (undefined: not in it). */
export type FindText = (path: string) => Uint8Array | undefined;

/**
 * Maps a parsed project to the files of a new Grounded study, in memory:
 * - each text source → `transcripts/<source name>.txt` (canonical text: UTF-8, LF) and one sidecar per coder;
 * - the code tree → codebook.yaml; users → coder ids (their names, as the CLI makes ids from git names);
 * - cases and variables → survey.csv, one row per case, joined by participant: a source's participant is the
 *   name of the case it belongs to (grounded.yaml maps transcript files to them);
 * - notes → the memo of the code or coding they are attached to, the rest → memos/*.md.
 * Selection positions are converted from the source as stored (CRLF = two) to the canonical text; a
 * selection that does not fit its source becomes an orphan coding whose memo says why.
 */
export function projectToStudy(project: RefiProject, findText: FindText): ImportPlan {
  const notImported: Skipped[] = [...project.skipped];
  const warnings: ImportWarning[] = [];
  const files: PlannedFile[] = [];

  const notes = readNotes(project, findText, notImported);
  const usedNotes = new Set<string>();
  const notesText = (refs: readonly string[]): string[] =>
    refs.flatMap((ref) => {
      const note = notes.get(ref);
      if (note === undefined) return [];
      usedNotes.add(ref);
      return [note.text.trim()];
    });
  const references = noteReferences(project);
  const codeMemo = (guid: string) => isCodeMemo(references.get(guid), notes.get(guid));
  const memoOf = (refs: readonly string[]) => joined(notesText(refs.filter(codeMemo)));

  const { codes, idOfGuid } = mapCodes(project.codes, memoOf);
  const codesOfNote = (guid: string) =>
    (references.get(guid)?.codes ?? []).flatMap((code) => {
      const id = idOfGuid.get(code);
      return id === undefined ? [] : [id];
    });
  files.push({ path: 'codebook.yaml', text: serializeCodebook({ codes }) });

  const coderOf = coderLookup(project, warnings);
  const transcriptNames = new UniqueNames();
  const codingIds = new Set<string>();
  const transcripts: ImportedTranscript[] = [];
  const participantOfSource = participantsBySource(project, warnings);
  const overrides: Record<string, string> = {};
  const participantOfImported = new Map<string, string>();
  const sourceMemos: { title: string; body: string }[] = [];
  const allCoders = new Set<string>();
  let codingCount = 0;
  let orphanCount = 0;

  for (const source of project.sources) {
    const label = source.name ?? source.guid;
    const bytes = textBytes(source, findText);
    if (bytes === undefined) {
      notImported.push({ kind: 'text source', name: label, reason: missingTextReason(source) });
      continue;
    }
    const decoded = decodeSource(bytes);
    if (decoded.guessed)
      warnings.push({
        where: label,
        message: 'the text is not UTF-8 and was read as Windows-1252: check its accented letters',
      });
    const positions = new SourcePositions(decoded.stored);
    const fileName = transcriptNames.claim(safeStem(withoutDocumentExtension(label), 'source'), '.txt');
    const path = `${TRANSCRIPT_FOLDER}/${fileName}`;
    const textHash = hashText(positions.canonical);
    const ref = { uri: `memory:/${path}`, text: positions.canonical, textHash, map: positions.map };

    const byCoder = new Map<string, Coding[]>();
    const seen = new Set<string>();
    for (const selection of source.selections) {
      if (selection.codings.length === 0) {
        notImported.push({
          kind: 'coding',
          name: `selection ${selection.start ?? '?'}–${selection.end ?? '?'} in "${label}"`,
          reason: 'a passage selected without a code: Grounded keeps coded passages only',
        });
        continue;
      }
      const selectionMemo = [
        ...(selection.description ? [selection.description] : []),
        ...notesText(selection.noteRefs),
      ];
      for (const coding of selection.codings) {
        const code = coding.code === undefined ? undefined : idOfGuid.get(coding.code);
        if (code === undefined) {
          notImported.push({
            kind: 'coding',
            name: `coding ${selection.start ?? '?'}–${selection.end ?? '?'} in "${label}"`,
            reason: `its code ${coding.code ?? '(none)'} is not in the project's codebook`,
          });
          continue;
        }
        const coder = coderOf(coding.creatingUser ?? selection.creatingUser);
        const id = coding.guid !== undefined && !codingIds.has(coding.guid) ? coding.guid : newId();
        codingIds.add(id);
        const memoParts = [...selectionMemo, ...notesText(coding.noteRefs)];
        const orphanReason = rangeProblem(selection, positions);
        let made: Coding;
        if (orphanReason === undefined) {
          const start = positions.toCanonical(selection.start as number);
          const end = positions.toCanonical(selection.end as number);
          const memo = joined(memoParts);
          [made] = makeCodings(ref, coder, [{ code, start, end, id, ...(memo !== undefined ? { memo } : {}) }]) as [
            Coding,
          ];
        } else {
          made = orphanCoding(positions, selection, { id, code, coder, memoParts, reason: orphanReason });
          orphanCount++;
          warnings.push({ where: `${path}`, message: `coding ${id} (${code}) imported as an orphan: ${orphanReason}` });
        }
        const key = `${coder}\u0000${code}\u0000${made.start}\u0000${made.end}`;
        if (seen.has(key) && made.status === undefined) {
          warnings.push({
            where: path,
            message: `a second coding of ${code} by ${coder} at ${made.start}–${made.end} was the same as the first and was merged into it`,
          });
          continue;
        }
        seen.add(key);
        const list = byCoder.get(coder) ?? [];
        list.push(made);
        byCoder.set(coder, list);
      }
    }
    for (const _wholeSource of source.codings)
      notImported.push({
        kind: 'coding',
        name: `coding of the whole source "${label}"`,
        reason: 'a code given to a whole document has no passage; code the passages in Grounded',
      });

    files.push({ path, text: positions.canonical });
    let sourceCodings = 0;
    for (const [coder, codings] of [...byCoder].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      allCoders.add(coder);
      sourceCodings += codings.length;
      files.push({
        path: `${TRANSCRIPT_FOLDER}/${sidecarFileName(fileName, coder)}`,
        text: serializeSidecar({ transcript: fileName, coder, textHash, codings: [...codings].sort(compareCodings) }),
      });
    }
    codingCount += sourceCodings;
    const stem = fileName.slice(0, -'.txt'.length);
    const participant = participantOfSource.get(source.guid) ?? stem;
    if (participant !== stem) overrides[path] = participant;
    participantOfImported.set(source.guid, participant);
    transcripts.push({ path, source: label, participant, codings: sourceCodings, coders: [...byCoder.keys()].sort() });
    const about = [...(source.description ? [source.description] : []), ...notesText(source.noteRefs)];
    if (about.length > 0)
      sourceMemos.push({
        title: `Notes on ${fileName}`,
        body: `Memo on the transcript \`${path}\`.\n\n${about.join('\n\n')}`,
      });
  }

  const survey = surveyFile(project, participantOfImported, warnings);
  if (survey !== undefined) files.push({ path: SURVEY_FILE, text: survey.text });
  files.push({ path: 'grounded.yaml', text: settingsText(survey?.idColumn, overrides) });

  const memoFiles = memoPlan(project, notes, usedNotes, sourceMemos, codesOfNote);
  files.push(...memoFiles);

  return {
    files,
    summary: {
      ...(project.name !== undefined ? { project: project.name } : {}),
      transcripts,
      codes: codes.length,
      codings: codingCount,
      orphans: orphanCount,
      coders: [...allCoders].sort(),
      memos: memoFiles.length,
      surveyRows: survey?.rows ?? 0,
      surveyColumns: survey?.columns ?? 0,
      notImported,
      warnings,
    },
  };
}

function joined(parts: readonly string[]): string | undefined {
  const kept = parts.map((part) => part.trim()).filter((part) => part !== '');
  return kept.length === 0 ? undefined : kept.join('\n\n');
}

function textBytes(text: RefiText, findText: FindText): Uint8Array | undefined {
  if (text.content !== undefined) return new TextEncoder().encode(text.content);
  return text.path === undefined ? undefined : findText(text.path);
}

function missingTextReason(source: RefiTextSource): string {
  return source.path === undefined
    ? 'it has neither a plainTextPath nor PlainTextContent (a rich-text-only source): export it with its plain text'
    : `its text ${source.path} is not in the package (an external file): export the project with its sources embedded`;
}

/** Why a selection cannot be placed in its source, or undefined when it can. */
function rangeProblem(selection: RefiSelection, positions: SourcePositions): string | undefined {
  const { start, end } = selection;
  if (start === undefined || end === undefined)
    return 'the selection has no whole-number startPosition and endPosition';
  if (start < 0 || end > positions.storedLength)
    return `positions ${start}–${end} fall outside the source's ${positions.storedLength} characters`;
  if (end <= start) return `positions ${start}–${end} select no characters`;
  if (positions.toCanonical(end) <= positions.toCanonical(start))
    return `positions ${start}–${end} select only a line break's carriage return`;
  return undefined;
}

/** A coding at its offsets clamped into the text, flagged orphan, its memo saying why (the evidence kept). */
function orphanCoding(
  positions: SourcePositions,
  selection: RefiSelection,
  what: { id: string; code: string; coder: string; memoParts: readonly string[]; reason: string },
): Coding {
  const clamp = (position: number | undefined) =>
    positions.toCanonical(Math.min(Math.max(position ?? 0, 0), positions.storedLength));
  const start = clamp(selection.start);
  const end = Math.max(start, clamp(selection.end));
  const memo = joined([...what.memoParts, `Imported from REFI-QDA as an orphan: ${what.reason}.`]) as string;
  return {
    id: what.id,
    code: what.code,
    start,
    end,
    ...quoteSelector(positions.map, start, end),
    by: what.coder,
    memo,
    status: 'orphan',
  };
}

/** User GUID → coder id. Two users whose names give the same id become one coder, and the summary says so. */
function coderLookup(project: RefiProject, warnings: ImportWarning[]): (guid: string | undefined) => string {
  const byGuid = new Map<string, string>();
  const nameOfId = new Map<string, string>();
  for (const user of project.users) {
    if (user.name === undefined) continue;
    const id = coderIdFrom(user.name);
    const other = nameOfId.get(id);
    if (other !== undefined && other !== user.name)
      warnings.push({
        where: 'users',
        message: `users "${other}" and "${user.name}" both become coder "${id}": their codings are one coder's`,
      });
    nameOfId.set(id, user.name);
    byGuid.set(user.guid, id);
  }
  return (guid) => (guid === undefined ? undefined : byGuid.get(guid)) ?? UNKNOWN_CODER;
}

/** Participant id per source GUID: the name of its case (unique across cases; the case's GUID when unnamed). */
function participantsBySource(project: RefiProject, warnings: ImportWarning[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const [case_, participant] of caseParticipants(project)) {
    for (const source of case_.sources) {
      const earlier = result.get(source);
      if (earlier === undefined) result.set(source, participant);
      else if (earlier !== participant)
        warnings.push({
          where: `case "${participant}"`,
          message: `source ${source} belongs to cases "${earlier}" and "${participant}": it is joined to "${earlier}"`,
        });
    }
  }
  return result;
}

function caseParticipants(project: RefiProject): Map<RefiProject['cases'][number], string> {
  const names = new Set<string>();
  const result = new Map<RefiProject['cases'][number], string>();
  for (const case_ of project.cases) {
    const base = case_.name ?? case_.guid;
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
    names.add(name);
    result.set(case_, name);
  }
  return result;
}

/** survey.csv: one row per case (and per source with values of its own), a column per variable. */
function surveyFile(
  project: RefiProject,
  participantOfSource: ReadonlyMap<string, string>,
  warnings: ImportWarning[],
): { text: string; idColumn: string; rows: number; columns: number } | undefined {
  if (project.variables.length === 0) return undefined;
  // Column names unique ignoring case (a survey's headers must be): a second "Age" becomes "Age (2)".
  const headers = new UniqueNames();
  const columns = project.variables.map((variable) => headers.claim(variable.name, ''));
  let idColumn = 'participant_id';
  for (let i = 2; columns.some((column) => column.toLowerCase() === idColumn); i++) idColumn = `participant_id_${i}`;
  const rows = new Map<string, Map<string, string>>();
  const nameOf = new Map(project.variables.map((variable, i) => [variable.guid, columns[i] as string]));
  const put = (participant: string, values: RefiProject['cases'][number]['values']) => {
    const row = rows.get(participant) ?? new Map<string, string>();
    rows.set(participant, row);
    for (const { variable, value } of values) {
      const column = nameOf.get(variable) as string;
      const earlier = row.get(column);
      if (earlier !== undefined && earlier !== value)
        warnings.push({
          where: SURVEY_FILE,
          message: `participant "${participant}" has two values of "${column}" ("${earlier}", "${value}"): kept "${earlier}"`,
        });
      else row.set(column, value);
    }
  };
  for (const [case_, participant] of caseParticipants(project)) put(participant, case_.values);
  for (const source of project.sources) {
    if (source.values.length === 0) continue;
    const participant = participantOfSource.get(source.guid);
    if (participant !== undefined) put(participant, source.values);
  }
  if (rows.size === 0) return undefined;
  const data = [...rows].map(([participant, row]) => [participant, ...columns.map((column) => row.get(column) ?? '')]);
  // Written as the values are (no formula escaping): the file is the study's data, read back by Grounded.
  const text = Papa.unparse({ fields: [idColumn, ...columns], data }, { newline: '\n', delimiter: ',' }) + '\n';
  return { text, idColumn, rows: rows.size, columns: columns.length };
}

interface NoteText {
  readonly title: string;
  readonly text: string;
  readonly created?: string;
}

function readNotes(project: RefiProject, findText: FindText, notImported: Skipped[]): Map<string, NoteText> {
  const notes = new Map<string, NoteText>();
  project.notes.forEach((note, index) => {
    const title = note.name ?? `Note ${index + 1}`;
    const bytes = textBytes(note, findText);
    if (bytes === undefined) {
      notImported.push({
        kind: 'note',
        name: title,
        reason: note.path === undefined ? 'it has no text' : `its text ${note.path} is not in the package`,
      });
      return;
    }
    notes.set(note.guid ?? `note-${index}`, {
      title,
      text: canonicalize(decodeSource(bytes).stored),
      ...(note.created !== undefined ? { created: note.created } : {}),
    });
  });
  return notes;
}

/** Who refers to each note: the codes (by GUID), and how many other things (sources, passages, the project). */
function noteReferences(project: RefiProject): Map<string, { codes: string[]; others: number }> {
  const references = new Map<string, { codes: string[]; others: number }>();
  const entry = (guid: string) => {
    const found = references.get(guid) ?? { codes: [], others: 0 };
    references.set(guid, found);
    return found;
  };
  const visit = (code: RefiProject['codes'][number]) => {
    for (const note of code.noteRefs) if (code.guid !== undefined) entry(note).codes.push(code.guid);
    code.children.forEach(visit);
  };
  project.codes.forEach(visit);
  const others = [
    ...project.noteRefs,
    ...project.sources.flatMap((source) => [
      ...source.noteRefs,
      ...source.selections.flatMap((s) => [...s.noteRefs, ...s.codings.flatMap((c) => c.noteRefs)]),
    ]),
  ];
  for (const note of others) entry(note).others++;
  return references;
}

/**
 * A note that is a code's own memo (Grounded's `memo:` of the code): referred to by that one code and nothing
 * else, and short — one paragraph, no heading. Anything longer, or about several codes, is a memo document:
 * a file in memos/ whose `codes:` name the codes it is about.
 */
function isCodeMemo(references: { codes: string[]; others: number } | undefined, note: NoteText | undefined): boolean {
  if (references === undefined || note === undefined) return false;
  if (references.codes.length !== 1 || references.others > 0) return false;
  const text = note.text.trim();
  return !text.includes('\n\n') && !/^#/m.test(text);
}

/** memos/*.md: the project's description, notes on sources, and every note not attached to a code or coding. */
function memoPlan(
  project: RefiProject,
  notes: ReadonlyMap<string, NoteText>,
  usedNotes: ReadonlySet<string>,
  sourceMemos: readonly { title: string; body: string }[],
  codesOfNote: (guid: string) => string[],
): PlannedFile[] {
  const names = new UniqueNames();
  const memos: { title: string; body: string; created?: string; codes?: string[] }[] = [];
  if (project.description !== undefined) memos.push({ title: 'Project description', body: project.description });
  memos.push(...sourceMemos);
  for (const [guid, note] of notes) {
    if (usedNotes.has(guid)) continue;
    const codes = codesOfNote(guid);
    memos.push({
      title: note.title,
      body: note.text,
      ...(note.created !== undefined ? { created: note.created } : {}),
      ...(codes.length > 0 ? { codes } : {}),
    });
  }
  return memos.map((memo) => {
    const date = /^\d{4}-\d{2}-\d{2}/.exec(memo.created ?? '')?.[0];
    const frontMatter = [
      '---',
      `title: ${yamlQuoted(memo.title)}`,
      ...(memo.codes ? [`codes: [${memo.codes.map(yamlQuoted).join(', ')}]`] : []),
      ...(date ? [`date: ${date}`] : []),
      '---',
    ];
    return {
      path: `${MEMO_FOLDER}/${names.claim(safeStem(memo.title, 'memo'), '.md')}`,
      text: `${frontMatter.join('\n')}\n\n${memo.body.trim()}\n`,
    };
  });
}

/** grounded.yaml of the imported study: transcripts/, the survey when there is one, participants by case. */
function settingsText(idColumn: string | undefined, overrides: Readonly<Record<string, string>>): string {
  const entries = Object.entries(overrides);
  return (
    [
      '# Grounded study settings, written by `grounded import qdpx`. Every key is optional; see the README.',
      'grounded: 1',
      'transcripts:',
      `  - ${JSON.stringify(`${TRANSCRIPT_FOLDER}/*.txt`)}`,
      'codebook: codebook.yaml',
      `memos: ${MEMO_FOLDER}`,
      'survey:',
      ...(idColumn === undefined
        ? ['  files: []']
        : ['  files:', `    - ${JSON.stringify(SURVEY_FILE)}`, `  idColumn: ${JSON.stringify(idColumn)}`]),
      '  missing: [""]',
      'participants:',
      '  # Each transcript is the participant (case) it belonged to in the project; without an entry, its file name.',
      ...(entries.length === 0
        ? ['  overrides: {}']
        : ['  overrides:', ...entries.map(([path, id]) => `    ${JSON.stringify(path)}: ${JSON.stringify(id)}`)]),
    ].join('\n') + '\n'
  );
}
