import { dequal } from 'dequal';
import type { DirectoryEntry, FileSystemPort, ReleaseLock } from '../ports/file-system';
import { compareProblems, type Problem } from '../problems';
import { parseSidecarFileName } from '../sidecar/format';
import { basenameUri, relativeUri, stemOf } from '../uri';
import type { LoadStudyOptions } from './cache/study-cache';
import { loadStudy } from './load-study';
import { SHARED_CODING_ID, sharedCodingIdProblemsAfterReload } from './shared-coding-ids';
import type { Study, StudyTranscript } from './study';

/**
 * The study after some of its transcripts or their sidecars changed, without loading the rest
 * (docs/ARCHITECTURE.md#partial-reloads). loadStudy itself runs over a view of the file system that shows only those
 * transcripts, their sidecars, the settings and the codebook, and its results replace theirs in `study`,
 * so what comes back is what a full load would return — the same code decides everything.
 *
 * Returns `study` itself when those transcripts load exactly as before.
 *
 * Undefined when the change may reach beyond those transcripts — the settings or the codebook differ from
 * the study's, a transcript is gone, another transcript shares one's folder and stem (which one claims the
 * sidecars is a whole-study question) — and then the caller loads the whole study.
 */
export async function reloadTranscripts(
  fs: FileSystemPort,
  study: Study,
  transcriptUris: readonly string[],
  options: LoadStudyOptions = {},
): Promise<Study | undefined> {
  const targets: StudyTranscript[] = [];
  for (const uri of new Set(transcriptUris)) {
    const transcript = study.transcripts.find((t) => t.uri === uri);
    if (!transcript) return undefined;
    targets.push(transcript);
  }
  if (targets.length === 0) return study;
  const groups = new Set(targets.map((t) => sidecarGroup(t.path)));
  const sharing = study.transcripts.filter((t) => groups.has(sidecarGroup(t.path)));
  if (sharing.length !== targets.length) return undefined;

  const shown = new Set([
    ...targets.map((t) => t.path),
    study.settings.codebook,
    ...(study.settingsUri ? [relativeUri(study.root, study.settingsUri) as string] : []),
  ]);
  // A partial load must not prune the cache down to the few entries it used (the rest of the study's stay valid).
  const cache = options.cache;
  const partialOptions: LoadStudyOptions = {
    ...options,
    ...(cache ? { cache: { read: (key) => cache.read(key), write: (key, bytes) => cache.write(key, bytes) } } : {}),
  };
  const partial = await loadStudy(new StudyView(fs, study.root, shown, groups), study.root, partialOptions);
  if (!sameFoundations(partial, study)) return undefined;

  const reloaded = new Map(partial.transcripts.map((t) => [t.uri, t]));
  if (targets.some((t) => !reloaded.has(t.uri))) return undefined;
  // Every problem about these transcripts or their sidecars (old or new) comes from the partial load.
  const affected = new Set<string>();
  for (const transcript of [...targets, ...reloaded.values()]) {
    affected.add(transcript.uri);
    for (const sidecar of transcript.sidecars) affected.add(sidecar.uri);
  }
  // Sidecars that failed to load are in no transcript's list, only in the problems (old ones and new ones).
  for (const problem of [...study.problems, ...partial.problems])
    if (groups.has(sidecarGroupOfUri(study.root, problem.uri))) affected.add(problem.uri);
  // Ids shared between sidecars are a whole-study question: recomputed over the study as it now is.
  const local = (p: Problem) => p.kind !== SHARED_CODING_ID;
  const before = study.problems.filter((p) => affected.has(p.uri) && local(p));
  const after = partial.problems.filter((p) => affected.has(p.uri) && local(p));
  // The echo of a write this study already shows (the file watcher reporting our own save): nothing to publish.
  if (targets.every((t) => dequal(t, reloaded.get(t.uri))) && dequal(before, after)) return study;
  const transcripts = study.transcripts.map((t) => reloaded.get(t.uri) ?? t);
  const problems: Problem[] = [
    ...study.problems.filter((p) => !affected.has(p.uri) && local(p)),
    ...after,
    ...(await sharedCodingIdProblemsAfterReload(
      study.root,
      study.transcripts,
      targets,
      [...reloaded.values()],
      transcripts,
      options.pause,
    )),
  ];
  problems.sort(compareProblems);
  return { ...study, transcripts, problems };
}

/** Settings and codebook as the partial load read them must be the study's, or the rest of it may be stale too. */
function sameFoundations(partial: Study, study: Study): boolean {
  return (
    partial.codebookLoaded === study.codebookLoaded &&
    partial.settingsUri === study.settingsUri &&
    JSON.stringify(partial.settings) === JSON.stringify(study.settings) &&
    JSON.stringify(partial.codebook) === JSON.stringify(study.codebook)
  );
}

/** Folder and stem: the sidecars of `P07.txt` are `P07.<coder>.codes.yaml` in the same folder. */
function sidecarGroup(path: string): string {
  const cut = path.lastIndexOf('/');
  return `${path.slice(0, cut + 1)}${stemOf(path.slice(cut + 1))}`;
}

function sidecarGroupOfUri(root: string, uri: string): string {
  const path = relativeUri(root, uri);
  const name = path === undefined ? undefined : parseSidecarFileName(basenameUri(uri));
  return path === undefined || name === undefined ? '' : `${path.slice(0, path.lastIndexOf('/') + 1)}${name.stem}`;
}

/**
 * The study folder as the partial load sees it: only the listed files, the sidecars of the listed groups,
 * and the folders leading to them. Reads go to the real files; loading never writes.
 */
class StudyView implements FileSystemPort {
  private readonly folders = new Set<string>();

  constructor(
    private readonly fs: FileSystemPort,
    private readonly root: string,
    private readonly shown: ReadonlySet<string>,
    private readonly groups: ReadonlySet<string>,
  ) {
    for (const path of [...shown, ...groups]) {
      for (let cut = path.indexOf('/'); cut >= 0; cut = path.indexOf('/', cut + 1))
        this.folders.add(path.slice(0, cut));
    }
  }

  async list(uri: string): Promise<readonly DirectoryEntry[]> {
    const folder = relativeUri(this.root, uri);
    if (folder === undefined) return [];
    const prefix = folder === '' ? '' : `${folder}/`;
    return (await this.fs.list(uri)).filter((entry) => {
      const path = prefix + entry.name;
      if (entry.type === 'directory') return this.folders.has(path);
      if (this.shown.has(path)) return true;
      const sidecar = parseSidecarFileName(entry.name);
      return sidecar !== undefined && this.groups.has(prefix + sidecar.stem);
    });
  }

  readFile(uri: string): Promise<Uint8Array> {
    return this.fs.readFile(uri);
  }

  stat(uri: string): ReturnType<FileSystemPort['stat']> {
    return this.fs.stat(uri);
  }

  realPath(uri: string): Promise<string | undefined> {
    return this.fs.realPath ? this.fs.realPath(uri) : Promise.resolve(undefined);
  }

  writeFile(uri: string): Promise<void> {
    return Promise.reject(new Error(`internal: a partial study load tried to write ${uri}`));
  }

  replaceIfUnchanged(uri: string): Promise<boolean> {
    return Promise.reject(new Error(`internal: a partial study load tried to write ${uri}`));
  }

  lock(uri: string): Promise<ReleaseLock> {
    return Promise.reject(new Error(`internal: a partial study load tried to lock ${uri}`));
  }

  isWriteArtifact(uri: string): boolean {
    return this.fs.isWriteArtifact(uri);
  }

  delete(uri: string): Promise<void> {
    return Promise.reject(new Error(`internal: a partial study load tried to delete ${uri}`));
  }
}
