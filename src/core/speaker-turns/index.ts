export {
  parseTranscriptStructure,
  structureOfLines,
  LINE_BREAK,
  type SpeakerTurn,
  type TranscriptHeader,
  type TranscriptStructure,
} from './transcript-structure';
export {
  matchSpeaker,
  speakersAcross,
  speakersOf,
  speakerTurnCodings,
  turnSpeeches,
  type SpeakerAcross,
  type SpeakerCount,
  type TurnSpeech,
} from './turn-speech';
export { HIGHLIGHT_KINDS, transcriptHighlights, type Highlight, type HighlightKind } from './transcript-highlights';
