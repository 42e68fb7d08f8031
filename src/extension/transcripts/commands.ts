import { declareCommands } from '../shared/command-declaration';

/** Recording who has coded a transcript (bound in transcripts-feature.ts). */
export const TRANSCRIPT_COMMANDS = declareCommands({
  markCoded: { id: 'grounded.markTranscriptCoded', title: 'Mark Transcript as Coded' },
  markNotCoded: { id: 'grounded.markTranscriptNotCoded', title: 'Mark Transcript as Not Coded' },
});
