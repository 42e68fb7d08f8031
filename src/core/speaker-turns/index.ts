export {
  parseTranscriptStructure,
  type SpeakerTurn,
  type TranscriptHeader,
  type TranscriptStructure,
} from './transcript-structure';
export {
  matchSpeaker,
  speakersOf,
  speakerTurnCodings,
  turnSpeeches,
  type SpeakerCount,
  type TurnSpeech,
} from './turn-speech';
