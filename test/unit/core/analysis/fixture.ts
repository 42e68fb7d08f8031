/** A small study in memory: transcripts with codings by named coders, a codebook and an optional survey. */
import assert from 'node:assert/strict';
import {
  hashText,
  loadStudy,
  makeCodings,
  serializeCodebook,
  serializeSidecar,
  sidecarFileName,
  type Code,
  type Study,
} from '../../../../src/core/index';
import { MemoryFileSystem } from '../../../../src/core/ports/memory-file-system';
import { buildStudyData, loadSurvey, type StudyData, type StudyDataOptions } from '../../../../src/core/analysis/index';
import type { MergedSurvey } from '../../../../src/core/survey/index';

export const ROOT = 'memory:/study';

/** A participant's interview: sentences, and per coder the codes of each sentence (by index). */
export interface Interview {
  readonly participant: string;
  readonly sentences: readonly string[];
  /** coder → [sentence index, code id][] */
  readonly codings: Readonly<Record<string, readonly (readonly [number, string])[]>>;
}

export const CODES: Code[] = [
  { id: 'mentoring', name: 'Mentoring' },
  { id: 'assigned', name: 'Assigned mentor', parent: 'mentoring' },
  { id: 'informal', name: 'Informal mentor', parent: 'mentoring' },
  { id: 'burnout', name: 'Burnout' },
  { id: 'unused', name: 'Nobody used this' },
];

export interface Built {
  readonly fs: MemoryFileSystem;
  readonly study: Study;
  readonly survey: MergedSurvey | undefined;
}

/** Writes the study to a MemoryFileSystem and loads it (and its survey, which must load when given). */
export async function buildStudy(
  interviews: readonly Interview[],
  surveyCsv?: string,
  codes: readonly Code[] = CODES,
): Promise<Built> {
  const files: Record<string, string> = {
    [`${ROOT}/grounded.yaml`]: [
      'grounded: 1',
      'transcripts:',
      '  - transcripts/*.txt',
      'codebook: codebook.yaml',
      ...(surveyCsv === undefined ? [] : ['survey:', '  files:', '    - survey.csv', '  idColumn: id']),
      '',
    ].join('\n'),
    [`${ROOT}/codebook.yaml`]: serializeCodebook({ codes }),
  };
  if (surveyCsv !== undefined) files[`${ROOT}/survey.csv`] = surveyCsv;
  for (const interview of interviews) {
    const text = interview.sentences.join(' ') + '\n';
    const name = `${interview.participant}.txt`;
    const uri = `${ROOT}/transcripts/${name}`;
    files[uri] = text;
    const transcript = { uri, text, textHash: hashText(text) };
    for (const [coder, list] of Object.entries(interview.codings)) {
      const additions = list.map(([index, code]) => {
        const before = interview.sentences.slice(0, index).join(' ');
        const start = index === 0 ? 0 : [...before].length + 1;
        return { code, start, end: start + [...(interview.sentences[index] as string)].length };
      });
      const codings = makeCodings(transcript, coder, additions).sort(
        (a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : 1) || (a.id < b.id ? -1 : 1),
      );
      files[`${ROOT}/transcripts/${sidecarFileName(name, coder)}`] = serializeSidecar({
        transcript: name,
        coder,
        textHash: transcript.textHash,
        codings,
      });
    }
  }
  const fs = new MemoryFileSystem(files);
  const study = await loadStudy(fs, ROOT);
  assert.deepEqual(
    study.problems.filter((p) => p.severity === 'error'),
    [],
    'the fixture study loads',
  );
  const loaded = await loadSurvey(fs, study);
  if (loaded && !loaded.ok)
    assert.fail(`fixture survey does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return { fs, study, survey: loaded?.value };
}

export async function studyData(
  interviews: readonly Interview[],
  surveyCsv?: string,
  options: StudyDataOptions = {},
): Promise<StudyData> {
  const { study, survey } = await buildStudy(interviews, surveyCsv);
  return buildStudyData(study, survey, options);
}

/** n interviews of one sentence each, coded `burnout` by amara when `coded(i)` is true. */
export function simpleInterviews(ids: readonly string[], coded: (index: number) => boolean): Interview[] {
  return ids.map((participant, i) => ({
    participant,
    sentences: [`${participant} talks about work.`, 'Then about sleep.'],
    codings: { amara: coded(i) ? [[1, 'burnout'] as const] : [[0, 'assigned'] as const] },
  }));
}
