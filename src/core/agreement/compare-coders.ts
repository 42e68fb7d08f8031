import { codeTree, type CodeInfo } from '../analysis/code-tree';
import type { Coding } from '../model';
import { nominalAlphaOfPairs, type AlphaResult } from '../stats/krippendorff-alpha';
import { codeNumbersOfStudy, type CodeNumbers } from '../study/code-numbers';
import type { Study, StudyTranscript } from '../study/study';
import { codePointLength } from '../text/canonical';
import { unionLengthOf, unionLengthOfLists, type Range } from './ranges';
import { segmentCounts } from './segments';
import { addTables, EMPTY_TABLE, kappaOf, percentAgreement, type Coefficient, type TwoByTwo } from './two-by-two';

export const DEFAULT_SEGMENT_OVERLAP = 0.8;

export interface AgreementOptions {
  /** Codes to compare (a category includes its descendants). Default: every code either coder used. */
  readonly codes?: readonly string[];
  /** Minimum intersection / union for two segments to match. */
  readonly overlap?: number;
}

export interface CharacterAgreement extends TwoByTwo {
  readonly percent: Coefficient;
  readonly kappa: Coefficient;
  /** The same, counting only code points at least one of the two coders coded with any code. */
  readonly withinCoded: TwoByTwo & { readonly percent: Coefficient; readonly kappa: Coefficient };
}

export interface PresenceAgreement extends TwoByTwo {
  readonly percent: Coefficient;
  readonly kappa: Coefficient;
  readonly alpha: Coefficient;
}

export interface SegmentAgreement {
  readonly matched: number;
  readonly first: number;
  readonly second: number;
  /** matched / (matched + first + second). */
  readonly percent: Coefficient;
}

export interface CodeAgreement {
  readonly code: string;
  readonly name: string;
  readonly category: boolean;
  readonly character: CharacterAgreement;
  readonly transcript: PresenceAgreement;
  readonly segment: SegmentAgreement;
}

export interface PairAgreement {
  readonly first: string;
  readonly second: string;
  /** Paths of the transcripts both coders coded (each has a sidecar for it). */
  readonly compared: readonly string[];
  /** Transcripts left out, with who coded them: never counted as disagreement. */
  readonly notCompared: readonly { readonly transcript: string; readonly codedBy: readonly string[] }[];
  readonly overlap: number;
  readonly codes: readonly CodeAgreement[];
  /** Over the codes as applied (each code's own codings once, so a category does not count its children twice). */
  readonly pooled: Omit<CodeAgreement, 'code' | 'name' | 'category'>;
}

interface TranscriptPair {
  readonly length: number;
  /**
   * Each code either coder used here, by the code's number (CodeNumbers): computed once, then read by the
   * code's row, its category's and the pool's.
   */
  readonly byCode: readonly (CodeInPair | undefined)[];
  /** Code points either coder coded with any code: the same for every code, so counted once per transcript. */
  readonly coded: number;
}

/** One code in one transcript: what each coder covered, and how their segments of it match. */
interface CodeInPair {
  /** Each coder's codings of the code (their union is what the coder covered). */
  readonly first: readonly Range[];
  readonly second: readonly Range[];
  /** Code points each coder covered with this code, and both did: what a code's own row counts. */
  readonly firstLength: number;
  readonly secondLength: number;
  readonly bothLength: number;
  readonly usedByFirst: boolean;
  readonly usedBySecond: boolean;
  readonly matched: number;
  readonly firstOnly: number;
  readonly secondOnly: number;
}

/**
 * The study's code numbers (CodeNumbers) and which of them the two coders' codings in the compared transcripts
 * have: a pair's codes are kept in an array by number, and a row looks its members up by number.
 */
interface UsedCodes {
  readonly numbers: CodeNumbers;
  /** 1 for each number met in a compared transcript. */
  readonly used: Uint8Array;
}

/** The number of a code met in a compared transcript; undefined for one no coding there has. */
function knownNumber(codes: UsedCodes, id: string): number | undefined {
  const number = codes.numbers.numberOf(id);
  return number !== undefined && codes.used[number] === 1 ? number : undefined;
}

/** Codings by their code's number, in order; `used` lists the numbers with codings, in the order met. */
function groupByCode(codings: readonly Coding[], codes: UsedCodes, into: Coding[][], used: number[]): void {
  const numbers = codes.numbers.of(codings);
  for (let c = 0; c < codings.length; c++) {
    const number = numbers[c] as number;
    codes.used[number] = 1;
    const group = into[number];
    if (group) group.push(codings[c] as Coding);
    else {
      into[number] = [codings[c] as Coding];
      used.push(number);
    }
  }
}

function transcriptPair(
  transcript: StudyTranscript,
  first: string,
  second: string,
  overlap: number,
  codes: UsedCodes,
): TranscriptPair {
  const a = codingsOf(transcript, first);
  const b = codingsOf(transcript, second);
  const groupsA: Coding[][] = [];
  const groupsB: Coding[][] = [];
  const used: number[] = [];
  groupByCode(a, codes, groupsA, used);
  groupByCode(b, codes, groupsB, used);
  const byCode: (CodeInPair | undefined)[] = [];
  for (const number of used) {
    if (byCode[number] !== undefined) continue; // used by both coders: listed twice
    const ofA = groupsA[number] ?? [];
    const ofB = groupsB[number] ?? [];
    // Segments are matched code by code: a category's segments match only segments of the same code.
    const m = segmentCounts(ofA, ofB, overlap);
    const firstLength = unionLengthOf(ofA);
    const secondLength = unionLengthOf(ofB);
    byCode[number] = {
      first: ofA,
      second: ofB,
      firstLength,
      secondLength,
      // Code points in both unions: |A| + |B| − |A ∪ B|.
      bothLength: firstLength + secondLength - unionLengthOf(ofA, ofB),
      usedByFirst: ofA.length > 0,
      usedBySecond: ofB.length > 0,
      matched: m.matched,
      firstOnly: m.firstOnly,
      secondOnly: m.secondOnly,
    };
  }
  return { length: lengthOfText(transcript), byCode, coded: unionLengthOf(a, b) };
}

/** A transcript's length in code points, by transcript (a loaded transcript is a value: its text never changes). */
const textLengths = new WeakMap<StudyTranscript, number>();

/** A transcript's length in code points: as the loader measured it, or counted once. */
function lengthOfText(transcript: StudyTranscript): number {
  if (transcript.codePointLength !== undefined) return transcript.codePointLength;
  let length = textLengths.get(transcript);
  if (length === undefined) textLengths.set(transcript, (length = codePointLength(transcript.text)));
  return length;
}

/** The transcripts both coders have a sidecar for, and the rest with who coded them. */
export function comparedTranscripts(study: Study, coders: readonly string[]) {
  const compared: StudyTranscript[] = [];
  const notCompared: { transcript: string; codedBy: string[] }[] = [];
  for (const transcript of study.transcripts) {
    const codedBy = [...new Set(transcript.sidecars.map((s) => s.coder))].sort();
    if (coders.every((coder) => codedBy.includes(coder))) compared.push(transcript);
    else notCompared.push({ transcript: transcript.path, codedBy });
  }
  return { compared, notCompared };
}

export function codingsOf(transcript: StudyTranscript, coder: string): readonly Coding[] {
  return transcript.sidecars.find((s) => s.coder === coder)?.sidecar.codings ?? [];
}

/**
 * Inter-coder agreement of two coders at three units: every code point (character), each transcript
 * (does the coder use the code at all: presence) and each coded segment (matched when the other coder's
 * segment of the same code overlaps it by at least `overlap`). Only transcripts both coders coded are units.
 */
export function compareCoders(
  study: Study,
  first: string,
  second: string,
  options: AgreementOptions = {},
): PairAgreement {
  const overlap = options.overlap ?? DEFAULT_SEGMENT_OVERLAP;
  const { compared, notCompared } = comparedTranscripts(study, [first, second]);
  const numbers = codeNumbersOfStudy(study);
  const usedCodes: UsedCodes = { numbers, used: new Uint8Array(numbers.ids.length) };
  const pairs = compared.map((transcript) => transcriptPair(transcript, first, second, overlap, usedCodes));
  const rows = codeRows(
    study,
    numbers.ids.filter((_, number) => usedCodes.used[number] === 1),
    options.codes,
  );
  // A code without sub-codes is counted once, for its row and for the pool.
  const ofOneCode = new Map<string, Counts>();
  const countsOf = (members: readonly string[]): Counts => {
    const distinct = new Set(members);
    if (distinct.size !== 1) return countOn(pairs, numbersOf(usedCodes, distinct));
    const id = members[0] as string;
    let counts = ofOneCode.get(id);
    if (counts === undefined) ofOneCode.set(id, (counts = countOn(pairs, numbersOf(usedCodes, distinct))));
    return counts;
  };
  const codes = rows.map((row) => ({
    code: row.id,
    name: row.name,
    category: row.category,
    ...finish(countsOf(row.members)),
  }));
  // The codes some coding in a compared transcript has (the others have nothing to count).
  const applied = [...new Set(rows.flatMap((row) => row.members))].filter(
    (id) => knownNumber(usedCodes, id) !== undefined,
  );
  const perApplied = applied.map((id) => countsOf([id]));
  return {
    first,
    second,
    compared: compared.map((t) => t.path),
    notCompared,
    overlap,
    codes,
    pooled: finish(sumCounts(perApplied)),
  };
}

/** The numbers of those of the codes some coding has (the others are in no transcript: nothing to count). */
function numbersOf(codes: UsedCodes, ids: Iterable<string>): number[] {
  const found: number[] = [];
  for (const id of ids) {
    const number = knownNumber(codes, id);
    if (number !== undefined) found.push(number);
  }
  return found;
}

/** The codes asked for, or every code in the tree that one of the two coders used in a compared transcript. */
function codeRows(study: Study, usedIds: readonly string[], wanted: readonly string[] | undefined): CodeInfo[] {
  const used = new Set(usedIds);
  const tree = codeTree(study.codebook, used);
  if (wanted && wanted.length > 0) {
    const byId = new Map(tree.map((code) => [code.id, code]));
    return wanted.map(
      (id) =>
        byId.get(id) ?? { id, name: id, parent: null, depth: 0, inCodebook: false, category: false, members: [id] },
    );
  }
  return tree.filter((code) => code.members.some((member) => used.has(member)));
}

interface Counts {
  readonly character: TwoByTwo;
  readonly withinCoded: TwoByTwo;
  /** Per transcript, whether each coder used the code: also the reliability data for α (one unit each). */
  readonly transcript: TwoByTwo;
  readonly segment: { matched: number; first: number; second: number };
}

/** The counts of the codes numbered `members` (distinct numbers) over the pairs. */
function countOn(pairs: readonly TranscriptPair[], members: readonly number[]): Counts {
  // Integer counts summed in place: the same totals as adding tables, without a table per transcript.
  const character = { both: 0, first: 0, second: 0, neither: 0 };
  const withinCoded = { both: 0, first: 0, second: 0, neither: 0 };
  const transcript = { both: 0, first: 0, second: 0, neither: 0 };
  const segment = { matched: 0, first: 0, second: 0 };
  // Indexed loops (a report's rows × transcripts): no iterator result per step before the code is optimized.
  for (let p = 0; p < pairs.length; p++) {
    const pair = pairs[p] as TranscriptPair;
    let count = 0;
    for (let m = 0; m < members.length; m++) {
      const code = pair.byCode[members[m] as number];
      if (code) found[count++] = code;
    }
    let both = 0;
    let first = 0;
    let second = 0;
    if (count === 1) {
      const code = found[0] as CodeInPair;
      both = code.bothLength;
      first = code.firstLength;
      second = code.secondLength;
    } else if (count > 1) {
      // Code points the first coder, the second and both covered with any of the codes in this transcript.
      for (let f = 0; f < count; f++) lists[f] = (found[f] as CodeInPair).first;
      first = unionLengthOfLists(lists, count);
      for (let f = 0; f < count; f++) lists[f] = (found[f] as CodeInPair).second;
      second = unionLengthOfLists(lists, count);
      for (let f = 0; f < count; f++) lists[count + f] = (found[f] as CodeInPair).first;
      both = first + second - unionLengthOfLists(lists, 2 * count);
    }
    const firstOnly = first - both;
    const secondOnly = second - both;
    const either = both + firstOnly + secondOnly;
    character.both += both;
    character.first += firstOnly;
    character.second += secondOnly;
    character.neither += pair.length - either;
    withinCoded.both += both;
    withinCoded.first += firstOnly;
    withinCoded.second += secondOnly;
    withinCoded.neither += pair.coded - either;
    let usesA = 0;
    let usesB = 0;
    for (let f = 0; f < count; f++) {
      const code = found[f] as CodeInPair;
      if (code.usedByFirst) usesA = 1;
      if (code.usedBySecond) usesB = 1;
      segment.matched += code.matched;
      segment.first += code.firstOnly;
      segment.second += code.secondOnly;
    }
    transcript.both += usesA & usesB;
    transcript.first += usesA & (1 - usesB);
    transcript.second += (1 - usesA) & usesB;
    transcript.neither += (1 - usesA) & (1 - usesB);
  }
  return { character, withinCoded, transcript, segment };
}

// Scratch lists for countOn, kept from call to call (rows × transcripts); entries past a call's count are stale.
const found: CodeInPair[] = [];
const lists: (readonly Range[])[] = [];

function finish(counts: Counts) {
  const alpha = alphaOf(counts.transcript);
  return {
    character: {
      ...counts.character,
      percent: percentAgreement(counts.character),
      kappa: kappaOf(counts.character),
      withinCoded: {
        ...counts.withinCoded,
        percent: percentAgreement(counts.withinCoded),
        kappa: kappaOf(counts.withinCoded),
      },
    },
    transcript: {
      ...counts.transcript,
      percent: percentAgreement(counts.transcript),
      kappa: kappaOf(counts.transcript),
      alpha,
    },
    segment: { ...counts.segment, percent: segmentPercent(counts.segment) },
  };
}

/** Counts of several codes summed: the pooled tables, with every (transcript, code) a presence unit for α. */
function sumCounts(all: readonly Counts[]): Counts {
  return {
    character: all.reduce((total, c) => addTables(total, c.character), EMPTY_TABLE),
    withinCoded: all.reduce((total, c) => addTables(total, c.withinCoded), EMPTY_TABLE),
    // Every (transcript, code) is a unit of the pooled α: the units' answer pairs counted over all codes.
    transcript: all.reduce((total, c) => addTables(total, c.transcript), EMPTY_TABLE),
    segment: {
      matched: all.reduce((total, c) => total + c.segment.matched, 0),
      first: all.reduce((total, c) => total + c.segment.first, 0),
      second: all.reduce((total, c) => total + c.segment.second, 0),
    },
  };
}

function segmentPercent(segment: { matched: number; first: number; second: number }): Coefficient {
  const total = segment.matched + segment.first + segment.second;
  if (total === 0) return { value: null, reason: 'neither coder has a segment of this code' };
  return { value: segment.matched / total };
}

/** Nominal α with each transcript a unit and each coder's answer whether they used the code. */
function alphaOf(units: TwoByTwo): Coefficient {
  if (units.both + units.first + units.second + units.neither === 0)
    return { value: null, reason: 'no transcripts to compare' };
  return fromAlpha(nominalAlphaOfPairs(units));
}

function fromAlpha(result: AlphaResult): Coefficient {
  return result.value === null ? { value: null, reason: result.reason ?? 'undefined' } : { value: result.value };
}
