import type { ParticipantSettings } from '../model';
import { stemOf } from '../uri';

/**
 * The participant a transcript belongs to: an explicit override, else the `pattern` applied to the file
 * name without extension (named group `id`, else the first group, else the whole match), else the stem.
 * Returns undefined when a pattern is set and does not match: reported, never guessed.
 */
export function participantOf(transcriptPath: string, settings: ParticipantSettings): string | undefined {
  const override = settings.overrides[transcriptPath];
  if (override !== undefined) return override;
  const fileName = transcriptPath.slice(transcriptPath.lastIndexOf('/') + 1);
  const stem = stemOf(fileName);
  if (settings.pattern === undefined) return stem;
  const match = new RegExp(settings.pattern, 'u').exec(stem);
  if (!match) return undefined;
  return match.groups?.['id'] ?? match[1] ?? match[0];
}
