/** One paragraph of a converted transcript: who spoke when, and what. */
export interface Turn {
  /** The start time as the source writes it ("00:01:02.345", "1:02"), kept so a player can seek to it. */
  readonly time?: string;
  readonly speaker?: string;
  readonly text: string;
}

/**
 * Consecutive turns of the same (named) speaker as one turn, their texts joined with a space and stamped with
 * the first one's time: caption tools cut speech into cues every few seconds, mid-sentence. Turns without a
 * speaker are never joined, so subtitles keep one paragraph per cue with its own time.
 */
export function joinSpeakerTurns(turns: readonly Turn[]): Turn[] {
  const joined: Turn[] = [];
  for (const turn of turns) {
    if (turn.text === '') continue;
    const last = joined[joined.length - 1];
    if (last && turn.speaker !== undefined && last.speaker === turn.speaker)
      joined[joined.length - 1] = { ...last, text: `${last.text} ${turn.text}` };
    else joined.push(turn);
  }
  return joined;
}

/** "[time] Speaker: text" paragraphs (each part only when known), a blank line between, one LF at the end. */
export function formatTurns(turns: readonly Turn[]): string {
  if (turns.length === 0) return '';
  return turns.map(formatTurn).join('\n\n') + '\n';
}

function formatTurn(turn: Turn): string {
  const time = turn.time === undefined ? '' : `[${turn.time}] `;
  const speaker = turn.speaker === undefined ? '' : `${turn.speaker}: `;
  return `${time}${speaker}${turn.text}`;
}

/** Runs of white space (line breaks inside a cue, non-breaking spaces) as one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
