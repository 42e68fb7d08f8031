import type { Codebook, Memo, Sidecar, StudySettings, Transcript } from '../model';
import type { Problem } from '../problems';

/** One coder's sidecar of a transcript, as loaded (and re-anchored in memory if the transcript changed). */
export interface LoadedSidecar {
  readonly uri: string;
  readonly coder: string;
  /** The sidecar with offsets valid for the transcript's current text. */
  readonly sidecar: Sidecar;
  /** Whether re-anchoring changed anything, i.e. the file on disk is behind `sidecar`. */
  readonly reanchored: boolean;
  /** 1-based line of each coding in the file as read, by coding id (for messages and jumps). */
  readonly lineOf: ReadonlyMap<string, number>;
}

export interface StudyTranscript extends Transcript {
  readonly sidecars: readonly LoadedSidecar[];
  /**
   * The text's length in code points, when the loader measured it (the offset map it makes for a transcript
   * with sidecars): the agreement section counts each compared transcript's uncoded code points, and would
   * otherwise scan every text again (35 M characters in a big study).
   */
  readonly codePointLength?: number;
}

/** Everything Grounded knows about a study folder; built by loadStudy, read by the CLI, extension and panel. */
export interface Study {
  readonly root: string;
  readonly settings: StudySettings;
  /** URI of grounded.yaml when the study has one (also when it is a link to elsewhere, which is not read). */
  readonly settingsUri?: string;
  readonly codebookUri: string;
  readonly codebook: Codebook;
  /** False when the codebook file exists but failed to load, or leads outside the study: nothing may write it. */
  readonly codebookLoaded: boolean;
  readonly transcripts: readonly StudyTranscript[];
  readonly memos: readonly Memo[];
  /** Everything that needs attention, sorted by file, line and column. */
  readonly problems: readonly Problem[];
  /**
   * grounded.yaml and the locations it configures (codebook, memo folder, survey files) where symbolic links
   * take them outside the study folder, as URIs: each has an 'link-outside-study' problem, and nothing may be read
   * or written there.
   */
  readonly outside?: readonly string[];
}

/** A coding together with where it lives, the unit the CLI, retrieve views and analyses work with. */
export interface LocatedCoding {
  readonly transcript: StudyTranscript;
  readonly sidecar: LoadedSidecar;
  readonly coding: Sidecar['codings'][number];
}

export function allCodings(study: Study): LocatedCoding[] {
  const result: LocatedCoding[] = [];
  for (const transcript of study.transcripts) {
    for (const sidecar of transcript.sidecars) {
      for (const coding of sidecar.sidecar.codings) result.push({ transcript, sidecar, coding });
    }
  }
  return result;
}

/** Ids of a code and all its descendants (a category counts its children's codings). */
export function descendantsOf(codebook: Codebook, id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const code of codebook.codes) {
      if (code.parent !== undefined && ids.has(code.parent) && !ids.has(code.id)) {
        ids.add(code.id);
        grew = true;
      }
    }
  }
  return ids;
}
