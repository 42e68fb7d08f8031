import { assigned } from './bank/assigned';
import { career, barriers, program } from './bank/career';
import { overall, closing } from './bank/closing';
import { gender } from './bank/gender';
import { more, training } from './bank/growth';
import { intro, mentorCount } from './bank/intro';
import { network } from './bank/network';
import { sponsorship } from './bank/sponsorship';
import type { Passage, Profile, Topic } from './bank/types';
import { parseMarkup, sentenceBreaksOutsideSpans, type Span } from './markup';
import type { Participant } from './people';
import { Random } from './prng';
import { wellbeing, resilience } from './bank/wellbeing';
import { advice, mentoringOthers, moment, qualities } from './bank/stories';

import { MORE_VOICES } from './bank/more-voices';

export const TOPICS: readonly Topic[] = [
  intro,
  mentorCount,
  assigned,
  network,
  moment,
  sponsorship,
  more,
  qualities,
  training,
  wellbeing,
  resilience,
  gender,
  career,
  mentoringOthers,
  barriers,
  program,
  overall,
  advice,
  closing,
];
for (const topic of TOPICS) (topic.answers as Passage[]).push(...(MORE_VOICES[topic.id] ?? []));

/** Answer passages two transcripts may share verbatim before the composer looks elsewhere: a couple, no more. */
export const MAX_SHARED = 2;

/** Some participants are terse, some talk at length: each gets a word target in this range. */
const TARGET_WORDS = [700, 1300] as const;
const MAX_WORDS = 1450;

/** Topics whose second passage never contradicts the first, so the interviewer may probe for more. */
const PROBE_TOPICS = new Set([
  'network',
  'moment',
  'sponsorship',
  'more',
  'qualities',
  'training',
  'gender',
  'mentoring-others',
  'barriers',
]);

const OPENERS = [
  'Yeah. ',
  'Hmm. ',
  'Okay. ',
  'Mm. ',
  'Right. ',
  'Good question. ',
  'Oh, gosh. ',
  '[pause] ',
  'Um. ',
  'Let me think. ',
  'Sure. ',
  'So. ',
];

/** Passages that already open with one of these get no extra opener ("Hmm. Hmm."). */
const INTERJECTION = /^(\[|Hmm|Yeah|Yes|No\b|Okay|Mm|Right|Oh|Um|Uh|Honestly|So\b|Sure|Well|Good)/;

/** An astral-plane passage for one transcript, so that code-point offsets get tested on real data. */
const EMOJI_PASSAGE =
  '{inf,res:%informal% still texts me before every exam — literally just "you\'ve got this 💪" — and it genuinely helps.} [laughs] {peer:And our group chat is mostly 🙃 and 😭 during exam weeks, which is its own kind of support.}';

interface Block {
  readonly topic: Topic;
  readonly question: Passage;
  answers: Passage[];
  /** Passages said in the same turn as the first answer. */
  readonly tails: Passage[];
  /** Interviewer lines before each answer after the first. */
  probes: string[];
  readonly optional: boolean;
}

export interface ComposedTranscript {
  readonly text: string;
  /** Coded spans in code points over the whole transcript text. */
  readonly spans: readonly Span[];
  readonly words: number;
  /** Passages used, for the overlap check. */
  readonly passages: readonly Passage[];
}

export class Composer {
  private readonly usage = new Map<Passage, number>();
  /** Transcripts already using each answer passage. */
  private readonly holders = new Map<Passage, string[]>();
  /** While composing: answer passages shared with each earlier transcript. */
  private shared = new Map<string, number>();
  /** At most one interruption per interview. */
  private crosstalkUsed = false;

  constructor(
    private readonly random: Random,
    private readonly knownCodes: ReadonlySet<string>,
  ) {}

  /**
   * The least-used passage that fits the participant; ties broken at random. Answers that would make this
   * transcript share more than MAX_SHARED passages with another one are avoided while there is a choice.
   */
  private choose(
    candidates: readonly Passage[],
    profile: Profile,
    exclude: ReadonlySet<Passage>,
    answer = true,
    strict = false,
  ): Passage | undefined {
    let fitting = candidates.filter((p) => !exclude.has(p) && (!p.when || p.when(profile)));
    if (answer) {
      const within = (limit: number) =>
        fitting.filter((p) => !(this.holders.get(p) ?? []).some((t) => (this.shared.get(t) ?? 0) >= limit));
      const preferred = within(MAX_SHARED - 1);
      const allowed = within(MAX_SHARED);
      // Optional material (probes, optional topics) never breaks the limit; required topics may.
      fitting = preferred.length > 0 ? preferred : allowed.length > 0 || strict ? allowed : fitting;
    }
    if (fitting.length === 0) return undefined;
    const least = Math.min(...fitting.map((p) => this.usage.get(p) ?? 0));
    const chosen = this.random.pick(fitting.filter((p) => (this.usage.get(p) ?? 0) === least));
    this.usage.set(chosen, (this.usage.get(chosen) ?? 0) + 1);
    if (answer) for (const t of this.holders.get(chosen) ?? []) this.shared.set(t, (this.shared.get(t) ?? 0) + 1);
    return chosen;
  }

  private release(passage: Passage, answer = true): void {
    this.usage.set(passage, (this.usage.get(passage) ?? 1) - 1);
    if (answer) for (const t of this.holders.get(passage) ?? []) this.shared.set(t, (this.shared.get(t) ?? 1) - 1);
  }

  compose(participant: Participant, withEmoji: boolean): ComposedTranscript {
    const { profile } = participant;
    const used = new Set<Passage>();
    this.shared = new Map();
    this.crosstalkUsed = false;
    const blocks: Block[] = [];
    const add = (topic: Topic, optional: boolean): Block | undefined => {
      const question = this.choose(topic.questions, profile, used, false);
      const answer = this.choose(topic.answers, profile, used, true, optional);
      if (!question || !answer) {
        if (question) this.release(question, false);
        if (answer) this.release(answer);
        return undefined;
      }
      used.add(answer);
      const block: Block = { topic, question, answers: [answer], tails: [], probes: [], optional };
      blocks.push(block);
      return block;
    };
    const row = profile.row;
    const faculty = row.role === 'attending' || row.role === 'administrator';

    const first = add(intro, false);
    const count = this.choose(mentorCount.answers, profile, used);
    if (first && count) first.tails.push(count);
    add(assigned, false);
    if (withEmoji || this.random.chance(0.75)) add(network, !withEmoji);
    if (this.random.chance(0.8)) add(moment, true);
    add(sponsorship, false);
    add(more, false);
    if (this.random.chance(0.55)) add(qualities, true);
    add(training, false);
    const well = add(wellbeing, false);
    if (well && this.random.chance(0.65)) {
      const followUp = this.choose(resilience.answers, profile, used, true, true);
      if (followUp) {
        used.add(followUp);
        well.answers.push(followUp);
        well.probes.push(this.random.pick(resilience.questions).text);
      }
    }
    if (this.random.chance(row.gender === 'female' ? 0.9 : 0.65)) add(gender, true);
    if (this.random.chance(0.85)) add(career, true);
    if (this.random.chance(row.role === 'student' ? 0.35 : 0.6)) add(mentoringOthers, true);
    if (this.random.chance(0.7)) add(barriers, true);
    if (faculty && this.random.chance(0.8)) add(program, true);
    add(overall, false);
    if (this.random.chance(0.55)) add(advice, true);
    add(closing, true);
    if (withEmoji) {
      const net = blocks.find((b) => b.topic === network);
      if (net) net.tails.push({ text: EMOJI_PASSAGE });
    }

    // Fit the length: probe where the guide allows it, or drop optional topics.
    let words = countWords(blocks, profile);
    const target = this.random.int(TARGET_WORDS[0], TARGET_WORDS[1]);
    for (let guard = 0; words < target && guard < 20; guard++) {
      const probeable = blocks.filter((b) => PROBE_TOPICS.has(b.topic.id) && b.answers.length < 2);
      if (probeable.length === 0) break;
      // Probe where the bank has the most unused material for this participant.
      const fresh = (b: Block): number =>
        b.topic.answers.filter((p) => !used.has(p) && (!p.when || p.when(profile)) && !this.usage.get(p)).length;
      const best = Math.max(...probeable.map(fresh));
      this.probe(this.random.pick(probeable.filter((b) => fresh(b) === best)), profile, used);
      words = countWords(blocks, profile);
    }
    for (const block of this.random.shuffle(
      blocks.filter((b) => PROBE_TOPICS.has(b.topic.id) && b.answers.length < 2),
    )) {
      if (words > target || !this.random.chance(0.12)) continue;
      this.probe(block, profile, used);
      words = countWords(blocks, profile);
    }
    while (words > Math.min(MAX_WORDS, target + 250)) {
      const optional = blocks.filter((b) => b.optional);
      const victim = optional.length > 0 ? this.random.pick(optional) : undefined;
      if (!victim) break;
      blocks.splice(blocks.indexOf(victim), 1);
      this.release(victim.question, false);
      for (const answer of victim.answers) this.release(answer);
      words = countWords(blocks, profile);
    }
    const composed = this.render(participant, blocks);
    for (const passage of composed.passages)
      this.holders.set(passage, [...(this.holders.get(passage) ?? []), profile.row.participant_id]);
    return composed;
  }

  private probe(block: Block, profile: Profile, used: Set<Passage>): void {
    const answer = this.choose(block.topic.answers, profile, used, true, true);
    if (!answer) return;
    used.add(answer);
    block.answers.push(answer);
    const probes = block.topic.probes ?? ['Can you say more about that?'];
    const crosstalk = !this.crosstalkUsed && this.random.chance(0.06);
    if (crosstalk) this.crosstalkUsed = true;
    block.probes.push(crosstalk ? '[crosstalk] Sorry — go on, please.' : this.random.pick(probes));
  }

  private render(participant: Participant, blocks: readonly Block[]): ComposedTranscript {
    const { profile, header } = participant;
    const id = profile.row.participant_id;
    const lines = [
      'Study: Mentorship in academic medicine (synthetic example)',
      `Participant: ${id}`,
      `Role: ${header.role}`,
      `Date: ${header.date}`,
      `Interviewer: ${header.interviewer}`,
    ];
    let text = lines.join('\n') + '\n\n';
    let length = [...text].length;
    const spans: Span[] = [];
    let seconds = this.random.int(2, 6);
    let started = false;
    const turn = (speaker: string, source: string): void => {
      const stamp = timestamp(seconds);
      let filled = fill(source, profile);
      if (speaker !== 'Interviewer' && this.random.chance(0.07)) {
        const breaks = sentenceBreaksOutsideSpans(filled);
        if (breaks.length > 0) {
          const at = this.random.pick(breaks);
          const note = ` [inaudible ${timestamp(seconds + Math.round(wordCount(filled.slice(0, at)) / 2.5))}]`;
          filled = filled.slice(0, at) + note + filled.slice(at);
        }
      }
      const parsed = parseMarkup(filled, this.knownCodes);
      const prefix = `${started ? '\n' : ''}[${stamp}] ${speaker}: `;
      started = true;
      const prefixLength = [...prefix].length;
      for (const span of parsed.spans) {
        spans.push({
          code: span.code,
          start: length + prefixLength + span.start,
          end: length + prefixLength + span.end,
        });
      }
      text += prefix + parsed.text + '\n';
      length += prefixLength + [...parsed.text].length + 1;
      seconds += Math.round(wordCount(parsed.text) / 2.5) + this.random.int(1, 4);
    };
    const passages: Passage[] = [];
    for (const block of blocks) {
      turn('Interviewer', block.question.text);
      block.answers.forEach((answer, index) => {
        if (index > 0) turn('Interviewer', block.probes[index - 1] ?? 'Mm-hm.');
        const bare = answer.text.replace(/^(\{[a-z,]+:)+/, '');
        // No opener before an interjection or a short first sentence ("Definitely.", "I would."): "Hmm. Definitely." reads wrong.
        const shortStart = (bare.split(/[.?!]/)[0] ?? '').trim().split(/\s+/).length <= 3;
        const opener =
          index === 0 && this.random.chance(0.3) && !INTERJECTION.test(bare) && !shortStart
            ? this.random.pick(OPENERS)
            : '';
        const tails = index === 0 ? block.tails : [];
        turn(id, [opener + answer.text, ...tails.map((t) => t.text)].join(' '));
        passages.push(answer, ...tails);
      });
    }
    return { text, spans, words: wordCount(text), passages };
  }
}

function fill(source: string, profile: Profile): string {
  return source.replace(/%(\w+)%/g, (_, name: string) => {
    const value = profile.vars[name];
    if (value === undefined) throw new Error(`No value for %${name}% in: ${source}`);
    return value;
  });
}

function timestamp(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((v) => String(v).padStart(2, '0')).join(':');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function countWords(blocks: readonly Block[], profile: Profile): number {
  let total = 0;
  for (const block of blocks) {
    total += wordCount(block.question.text);
    for (const answer of [...block.answers, ...block.tails])
      total += wordCount(fill(answer.text.replace(/[{}]|\b[a-z,]+:/g, ' '), profile));
    for (const probe of block.probes) total += wordCount(probe);
  }
  return total;
}

export { wordCount };
