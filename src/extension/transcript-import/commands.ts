import { declareCommands } from '../shared/command-declaration';

/** Bringing interviews into a study as transcripts (bound in transcript-import-feature.ts). */
export const TRANSCRIPT_IMPORT_COMMANDS = declareCommands({
  importTranscripts: { id: 'grounded.importTranscripts', title: 'Import Transcripts…' },
});
