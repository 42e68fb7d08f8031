import type { StudySettings } from '../model';
import { problem, type Problem } from '../problems';
import { parseSidecarFileName } from '../sidecar/format';
import { joinUri } from '../uri';
import type { StudyLink } from './walk';

/**
 * Symbolic links where study files would be. They are not loaded: a write replaces the file, which would
 * turn the link into a copy (or, through the link, change a file outside the study), and a link can lead
 * outside the study altogether. But they are never skipped silently either: a linked sidecar is a
 * coder's codings missing from every count. A linked folder is not searched, which may hide transcripts.
 */
export function linkProblems(
  root: string,
  links: readonly StudyLink[],
  settings: StudySettings,
  isTranscript: (path: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const memos = settings.memos.replace(/\/+$/, '') + '/';
  for (const link of links) {
    const name = link.path.slice(link.path.lastIndexOf('/') + 1);
    if (link.type === 'directory') {
      problems.push(
        problem(
          joinUri(root, link.path),
          0,
          0,
          'symlink',
          `${link.path} is a symbolic link to a folder: Grounded does not search it, so study files in it are left out`,
          'move the folder into the study in place of the link, if its files belong to the study',
          'warning',
        ),
      );
      continue;
    }
    const role = parseSidecarFileName(name)
      ? 'sidecar'
      : isTranscript(link.path)
        ? 'transcript'
        : link.path.startsWith(memos) && name.endsWith('.md')
          ? 'memo'
          : link.path === settings.codebook
            ? 'codebook'
            : settings.survey.files.includes(link.path)
              ? 'survey file'
              : undefined;
    if (role === undefined) continue;
    problems.push(
      problem(
        joinUri(root, link.path),
        0,
        0,
        'symlink',
        `${link.path} is a symbolic link, so this ${role} is not loaded: Grounded neither reads nor writes study files through links (a write would replace the link, not the file it points to)`,
        'replace the link with the file itself (move the file it points to here)',
      ),
    );
  }
  return problems;
}
