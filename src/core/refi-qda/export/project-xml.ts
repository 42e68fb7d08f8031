import type { Codebook, Coding } from '../../model';
import type { Study, StudyTranscript } from '../../study/study';
import type { MergedSurvey } from '../../survey/types';
import { basenameUri, stemOf } from '../../uri';
import { compareStrings } from '../../sidecar/order';
import { codePointLength } from '../../text/canonical';
import { isGuid, stableGuid } from '../guids';
import { codeElements } from './codebook-xml';
import { exportedNotes } from './notes';
import { casesAndVariables } from './survey-cases';
import { listOf, xmlDocument, type XmlElement } from './xml-document';
import type { XmlText } from './xml-text';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface ProjectInput {
  readonly study: Study;
  /** The codebook with a GUID on every code (see ensureCodeGuids). */
  readonly codebook: Codebook;
  readonly survey?: MergedSurvey;
  /** The project's name; default: the study folder's name. */
  readonly name?: string;
  /** The `origin` attribute, e.g. "Grounded 1.4.0". */
  readonly origin?: string;
}

/** A transcript's canonical text, stored in the archive as `sources/<guid>.txt`. */
export interface SourceFile {
  readonly guid: string;
  readonly text: string;
}

export interface ProjectXml {
  readonly xml: string;
  readonly sources: readonly SourceFile[];
  readonly codings: number;
  /** Codings left out, each with the reason. */
  readonly skipped: readonly string[];
}

/**
 * `project.qde` (Project.xsd) of a study: coders as Users, the code hierarchy, survey columns and participants
 * as Variables and Cases, each transcript as a TextSource whose text is in the archive, each coding once as a
 * PlainTextSelection holding one Coding, and memos as Notes. Positions are code points of the canonical text,
 * which is exactly the text written to the archive. Every GUID is stored (codes, codings) or derived from a key
 * nobody renames in passing (see guids.ts), so two exports of the same study are the same file.
 */
export function projectXml(input: ProjectInput, xml: XmlText): ProjectXml {
  const { study, codebook } = input;
  const transcripts = [...study.transcripts].sort((a, b) => compareStrings(a.path, b.path));
  const coders = [...new Set(transcripts.flatMap((t) => t.sidecars.map((s) => s.coder)))].sort(compareStrings);
  const userGuid = new Map(coders.map((coder) => [coder, stableGuid('user', coder)]));
  const codeGuid = new Map(codebook.codes.map((code) => [code.id, code.guid as string]));
  const notes = exportedNotes(study, codebook, xml);
  const skipped: string[] = [];
  const usedCodingGuids = new Set<string>();
  let codings = 0;

  const sourceGuid = (transcript: StudyTranscript) => stableGuid('source', transcript.path);
  const sourcesOf = new Map<string, string[]>();
  for (const transcript of transcripts) {
    if (transcript.participant === undefined) continue;
    sourcesOf.set(transcript.participant, [...(sourcesOf.get(transcript.participant) ?? []), sourceGuid(transcript)]);
  }

  const textSource = (transcript: StudyTranscript): XmlElement => {
    const guid = sourceGuid(transcript);
    const length = codePointLength(transcript.text);
    const selections = transcript.sidecars
      .flatMap((sidecar) => sidecar.sidecar.codings.map((coding) => ({ coding, coder: sidecar.coder })))
      .sort(
        (a, b) =>
          a.coding.start - b.coding.start ||
          a.coding.end - b.coding.end ||
          compareStrings(a.coder, b.coder) ||
          compareStrings(a.coding.id, b.coding.id),
      )
      .flatMap(({ coding, coder }): XmlElement[] => {
        const where = `coding ${coding.id} of ${coder} in ${transcript.path}`;
        const reason = unexportable(coding, length, codeGuid);
        if (reason !== undefined) {
          skipped.push(`${where}: ${reason}`);
          return [];
        }
        codings++;
        const codingGuid = codingGuidOf(coding, transcript.path, coder, usedCodingGuids);
        const user = userGuid.get(coder) as string;
        return [
          {
            '@_guid': stableGuid('selection', codingGuid),
            '@_startPosition': coding.start,
            '@_endPosition': coding.end,
            '@_creatingUser': user,
            Description: coding.memo ? xml.content(coding.memo, `memo of ${where}`) : undefined,
            Coding: {
              '@_guid': codingGuid,
              '@_creatingUser': user,
              CodeRef: { '@_targetGUID': codeGuid.get(coding.code) as string },
            },
          },
        ];
      });
    return {
      '@_guid': guid,
      '@_name': xml.attribute(stemOf(basenameUri(transcript.uri)), `name of ${transcript.path}`),
      '@_plainTextPath': `internal://${guid}.txt`,
      PlainTextSelection: selections.length > 0 ? selections : undefined,
    };
  };

  const sources = transcripts.map(textSource);
  const { variables, cases } = casesAndVariables(input.survey, sourcesOf, xml);
  const codes = codeElements(codebook, xml, (code) => notes.byCode.get(code.id) ?? []);
  const project: XmlElement = {
    '@_xmlns': PROJECT_NAMESPACE,
    '@_name': xml.attribute(input.name ?? basenameUri(study.root), 'project name'),
    ...(input.origin !== undefined ? { '@_origin': input.origin } : {}),
    Users: listOf(
      'User',
      coders.map((coder) => ({ '@_guid': userGuid.get(coder) as string, '@_name': coder, '@_id': coder })),
    ),
    CodeBook: codes.length > 0 ? { Codes: { Code: codes } } : undefined,
    Variables: listOf('Variable', variables),
    Cases: listOf('Case', cases),
    Sources: listOf('TextSource', sources),
    Notes: listOf('Note', notes.notes),
    // Links: relations between codes go here (Link with originGUID/targetGUID), once the codebook has them.
    Links: undefined,
    NoteRef: notes.project.length > 0 ? notes.project.map((guid) => ({ '@_targetGUID': guid })) : undefined,
  };
  return {
    xml: xmlDocument('Project', project),
    sources: transcripts.map((transcript) => ({ guid: sourceGuid(transcript), text: transcript.text })),
    codings,
    skipped,
  };
}

/** Why a coding cannot be exported as a selection of its transcript, or undefined when it can. */
function unexportable(coding: Coding, length: number, codeGuid: ReadonlyMap<string, string>): string | undefined {
  if (coding.status === 'orphan') return 'its passage is no longer in the transcript (run `grounded check`)';
  if (!codeGuid.has(coding.code)) return `its code "${coding.code}" is not in the codebook`;
  if (coding.start < 0 || coding.end > length || coding.start > coding.end)
    return `its range ${coding.start}–${coding.end} is outside the transcript`;
  return undefined;
}

/**
 * A coding's id is its GUID when it is one (Grounded makes them with randomUUID); an id written by hand, or
 * one a copied sidecar shares with another coding, gets a GUID derived from where the coding lives.
 */
function codingGuidOf(coding: Coding, path: string, coder: string, used: Set<string>): string {
  const own = coding.id.toLowerCase();
  const guid = isGuid(coding.id) && !used.has(own) ? coding.id : stableGuid('coding', path, coder, coding.id);
  used.add(guid.toLowerCase());
  return guid;
}
