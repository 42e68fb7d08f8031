import assert from 'node:assert/strict';
import type { CodeInfo } from '../../../src/core/analysis/code-tree';
import { bitCount, coOccurrence } from '../../../src/core/analysis/co-occurrence';
import type { DataCoding, ParticipantRecord, StudyData } from '../../../src/core/analysis/study-data';
import { Random } from '../support/random';
import { referenceCoOccurrence } from './reference';

const CODES: CodeInfo[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
  id,
  name: id,
  parent: null,
  depth: 0,
  inCodebook: true,
  category: false,
  members: [id],
}));

/** Study data with more participants than one 32-bit word holds, each with some of the codes or unknown. */
function manyParticipants(random: Random): StudyData {
  const count = random.int(1, 140);
  const codings: DataCoding[] = [];
  const records = Array.from({ length: count }, (_, p): ParticipantRecord => {
    const id = `P${p}`;
    const codesKnown = random.next() < 0.9;
    const has = CODES.map(() => random.next() < 0.4);
    const transcript = { path: `${id}.txt` } as DataCoding['transcript'];
    CODES.forEach((code, k) => {
      if (!codesKnown || !has[k]) return;
      const start = random.int(0, 20);
      codings.push({
        participant: id,
        transcript,
        coder: 'amara',
        coding: { id: `${id}-${k}`, code: code.id, start, end: start + random.int(1, 9) } as DataCoding['coding'],
      });
    });
    const present = Object.fromEntries(CODES.map((code, k) => [code.id, codesKnown ? (has[k] ? 1 : 0) : null]));
    return {
      id,
      transcripts: [`${id}.txt`],
      surveyed: false,
      coded: codesKnown,
      codesKnown,
      values: {},
      present: present as ParticipantRecord['present'],
      counts: {},
    };
  });
  return {
    columns: [],
    codes: CODES,
    coders: { available: ['amara'], included: ['amara'] },
    records,
    codings,
    coverage: {} as StudyData['coverage'],
  };
}

describe('co-occurrence: participants counted 32 at a time equal those counted one by one', () => {
  it('bitCount counts the bits of any 32-bit integer, the sign bit too', () => {
    const random = new Random(73);
    const values = [0, 1, -1, 1 << 31, 0x7fffffff, 0x55555555, -0x55555556];
    for (let i = 0; i < 5000; i++) values.push((random.next() * 2 ** 32) | 0);
    for (const value of values) {
      let bits = 0;
      for (let b = 0; b < 32; b++) bits += (value >>> b) & 1;
      assert.equal(bitCount(value), bits, String(value));
    }
  });

  it('on 200 random studies of 1 to 140 participants', () => {
    const random = new Random(79);
    for (let round = 0; round < 200; round++) {
      const data = manyParticipants(random);
      assert.deepStrictEqual(coOccurrence(data), referenceCoOccurrence(data), `round ${round}`);
    }
  });
});
