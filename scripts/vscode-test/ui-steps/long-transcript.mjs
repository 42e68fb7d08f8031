// A long, densely coded transcript for the UI test: more codings than the decorations draw in one step in a new
// editor (the codings near the screen first, every other one a task later), written into the study copy as a
// transcript and a sidecar of another coder, the way a teammate's pushed work arrives.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

const TURNS = 800;
const CODER = 'long-transcript';

/**
 * Writes `transcripts/<name>.txt` (TURNS timestamped turns, a blank line between them) and its sidecar with a
 * coding of each of the turn's two sentences in `codes`, alternately: 1,600 codings. Returns the name and the
 * words of the first and the last coded turn, to find them on screen.
 */
export function writeLongTranscript(folder, name, codes) {
  const turns = Array.from({ length: TURNS }, (_, index) => {
    const seconds = index * 20;
    const stamp = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60]
      .map((part) => String(part).padStart(2, '0'))
      .join(':');
    const speaker = index % 2 === 0 ? 'Interviewer' : name;
    const label = `[${stamp}] ${speaker}: `;
    // Short enough that a turn is one line on screen, unwrapped, to be found by its words.
    const sentences = [`T${index} opens on mentors.`, `T${index} ends on the program.`];
    return { label, sentences };
  });
  const header = `Study: A long interview\nParticipant: ${name}\n\n`;
  let text = header;
  const codings = [];
  turns.forEach(({ label, sentences }, index) => {
    text += label;
    sentences.forEach((sentence, which) => {
      // Offsets are code points; the text is ASCII, so string indices.
      const start = text.length;
      text += sentence + (which === 0 ? ' ' : '');
      const code = codes[(index + which) % codes.length];
      codings.push({
        id: `long-${index}-${which}`,
        code,
        start,
        end: start + sentence.length,
        quote: sentence,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: '',
      });
    });
    text += '\n\n';
  });
  // The suffix is the text after each quote, known only once the text is whole.
  for (const coding of codings) coding.suffix = text.slice(coding.end, coding.end + 32);
  const transcripts = path.join(folder, 'transcripts');
  writeFileSync(path.join(transcripts, `${name}.txt`), text);
  const sidecar = {
    grounded: 1,
    transcript: `${name}.txt`,
    coder: CODER,
    textHash: `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`,
    codings,
  };
  writeFileSync(path.join(transcripts, `${name}.${CODER}.codes.yaml`), stringify(sidecar));
  return {
    codings: codings.length,
    firstTurn: turns[0].sentences[0],
    lastTurn: turns[TURNS - 1].sentences[1],
  };
}
