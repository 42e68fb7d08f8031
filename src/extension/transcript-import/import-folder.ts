import { joinUri, type StudySettings } from '../../core/index';

// No 'vscode' here: which folder an import writes into is unit-tested in plain Node.

const GLOB = /[*?[\]{}()!+@]/u;

/**
 * The folder new transcripts go into: the fixed folders that the study's first transcript pattern starts
 * with ("transcripts" for "transcripts/*.txt", "data/interviews" for "data/interviews/**\/*.txt", the study
 * folder for "*.txt"). Whether a file written there is read as a transcript is checked per file (an exclude
 * pattern, or a pattern for another extension, may say no).
 */
export function transcriptsFolder(root: string, settings: Pick<StudySettings, 'transcripts'>): string {
  const [pattern = 'transcripts/*.txt'] = settings.transcripts;
  const segments = pattern.replace(/^\.\//u, '').split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (GLOB.test(segment) || segment === '' || segment === '.') break;
    fixed.push(segment);
  }
  return fixed.length === 0 ? root : joinUri(root, fixed.join('/'));
}
