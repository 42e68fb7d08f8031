export * from './conversion';
export { convertTranscript, TRANSCRIPT_SOURCE_EXTENSIONS } from './convert-transcript';
export * from './import-transcripts';
export { defaultTranscriptFolder } from './transcript-folder';
