import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  allCodings,
  exportQdpx,
  hashText,
  importQdpx,
  makeCodings,
  serializeCodebook,
  serializeSidecar,
  sidecarFileName,
  loadStudy,
  loadSurvey,
  writeNewStudy,
  type Study,
} from '../../../../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../../../../src/node/node-file-system';

const EXAMPLE = resolve(__dirname, '../../../../../examples/mentorship-study');
const fs = new NodeFileSystem();
const folders: string[] = [];

after(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-refi-round-'));
  folders.push(folder);
  return folder;
}

/** A code by its GUID (ids are Grounded's own: REFI-QDA has none, so the import makes them from the names). */
function codesByGuid(
  study: Study,
): Map<string, { name: string; parent?: string; color?: string; definition?: string; memo?: string }> {
  const guidOf = new Map(study.codebook.codes.map((code) => [code.id, code.guid]));
  return new Map(
    study.codebook.codes.map((code) => [
      code.guid as string,
      {
        name: code.name,
        ...(code.parent !== undefined ? { parent: guidOf.get(code.parent) as string } : {}),
        ...(code.color !== undefined ? { color: code.color.toLowerCase() } : {}),
        ...(code.definition !== undefined ? { definition: code.definition } : {}),
        ...(code.memo !== undefined ? { memo: code.memo } : {}),
      },
    ]),
  );
}

/** Every coding as participant, coder, code GUID, offsets, quote and memo, sorted. */
function codingRows(study: Study): string[] {
  const guidOf = new Map(study.codebook.codes.map((code) => [code.id, code.guid]));
  return allCodings(study)
    .map(({ transcript, coding }) =>
      JSON.stringify([
        transcript.participant,
        coding.by,
        guidOf.get(coding.code),
        coding.start,
        coding.end,
        coding.quote,
        coding.prefix,
        coding.suffix,
        coding.memo ?? null,
        coding.status ?? null,
      ]),
    )
    .sort();
}

describe('REFI-QDA round trip: export → import gives the same study', () => {
  it('the example study: codes, hierarchy, colours, definitions, codings with coders and quotes, survey values, memo texts', async function () {
    this.timeout(120_000);
    const original = tempFolder();
    cpSync(EXAMPLE, original, { recursive: true });
    let before = await loadStudy(fs, pathToUri(original));
    const survey = await loadSurvey(fs, before);
    assert.ok(survey?.ok);
    const exported = await exportQdpx(fs, before, survey.value);
    before = await loadStudy(fs, pathToUri(original)); // the export stored the codes' GUIDs

    const plan = importQdpx(exported.bytes, 'example.qdpx');
    assert.deepEqual(plan.summary.notImported, []);
    assert.deepEqual(plan.summary.warnings, []);
    const copy = join(tempFolder(), 'imported');
    await writeNewStudy(fs, pathToUri(copy), plan.files);
    const after = await loadStudy(fs, pathToUri(copy));
    assert.deepEqual(
      after.problems.filter((p) => p.severity === 'error'),
      [],
    );

    assert.deepEqual(codesByGuid(after), codesByGuid(before));
    assert.equal(before.transcripts.length, after.transcripts.length);
    assert.deepEqual(
      after.transcripts.map((t) => [t.participant, t.text]),
      before.transcripts.map((t) => [t.participant, t.text]),
    );
    assert.deepEqual(codingRows(after), codingRows(before));

    const afterSurvey = await loadSurvey(fs, after);
    assert.ok(afterSurvey?.ok, JSON.stringify(afterSurvey));
    const rows = (s: typeof survey.value) =>
      new Map(s.rows.map((row) => [row.id, Object.fromEntries(Object.entries(row.values).sort())]));
    assert.deepEqual(rows(afterSurvey.value), rows(survey.value));

    const memos = (study: Study) => {
      const guidOf = new Map(study.codebook.codes.map((code) => [code.id, code.guid]));
      return study.memos
        .map((memo) => JSON.stringify([memo.title, memo.body.trim(), memo.codes.map((id) => guidOf.get(id)).sort()]))
        .sort();
    };
    assert.deepEqual(memos(after), memos(before));
  });
});

/** Seeded (mulberry32), so a failure is reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'mentor',
  'résumé',
  'time',
  '🙂',
  'burnout',
  '👩🏽‍⚕️',
  'trust',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'sponsor',
  '王芳',
  'feedback',
  '«quote»',
];

describe('REFI-QDA round trip: randomized studies', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: astral characters, CRLF transcripts, overlapping codings of three coders`, async function () {
      this.timeout(120_000);
      const next = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
      const folder = tempFolder();
      const codes = Array.from({ length: 12 }, (_, i) => ({
        id: `c${i}`,
        name: `Code ${i} ${pick(WORDS)}`,
        ...(i >= 3 ? { parent: `c${i % 3}` } : {}),
        color: `#${Math.floor(next() * 0xffffff)
          .toString(16)
          .padStart(6, '0')}`,
        ...(next() < 0.5 ? { definition: `Use for ${pick(WORDS)} & <${pick(WORDS)}>` } : {}),
      }));
      const files: Record<string, string> = {
        'grounded.yaml': 'grounded: 1\ntranscripts:\n  - "transcripts/*.txt"\n',
        'codebook.yaml': serializeCodebook({ codes }),
      };
      for (let t = 1; t <= 4; t++) {
        const lines = Array.from({ length: 30 }, () => Array.from({ length: 12 }, () => pick(WORDS)).join(' '));
        const text = lines.join('\n') + '\n';
        const name = `P0${t}.txt`;
        // Every other transcript is stored with CRLF: the canonical text (and so every offset) is the same.
        files[`transcripts/${name}`] = t % 2 === 0 ? text.replace(/\n/g, '\r\n') : text;
        const length = Array.from(text).length;
        for (const coder of ['amara', 'jonas', 'li']) {
          const additions = Array.from({ length: 15 }, () => {
            const start = Math.floor(next() * (length - 60));
            return {
              code: pick(codes).id,
              start,
              end: start + 1 + Math.floor(next() * 50),
              ...(next() < 0.3 ? { memo: `why: ${pick(WORDS)}` } : {}),
            };
          });
          const hash = hashText(text);
          const codings = makeCodings({ uri: `memory:/${name}`, text, textHash: hash }, coder, additions);
          files[`transcripts/${sidecarFileName(name, coder)}`] = serializeSidecar({
            transcript: name,
            coder,
            textHash: hash,
            codings: dedupe(codings),
          });
        }
      }
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
      }
      let before = await loadStudy(fs, pathToUri(folder));
      assert.deepEqual(before.problems, []);
      const exported = await exportQdpx(fs, before, undefined);
      before = await loadStudy(fs, pathToUri(folder));
      const plan = importQdpx(exported.bytes, 'random.qdpx');
      assert.deepEqual([plan.summary.notImported, plan.summary.warnings], [[], []]);
      const copy = join(tempFolder(), 'imported');
      await writeNewStudy(fs, pathToUri(copy), plan.files);
      const after = await loadStudy(fs, pathToUri(copy));
      assert.deepEqual(after.problems, []);
      assert.deepEqual(codesByGuid(after), codesByGuid(before));
      assert.deepEqual(codingRows(after), codingRows(before));
      assert.equal(codingRows(after).length, allCodings(before).length);
    });
  }
});

/** The same code on the same range by the same coder is one coding (as addCodings keeps it). */
function dedupe<T extends { code: string; start: number; end: number }>(codings: readonly T[]): T[] {
  const seen = new Set<string>();
  return codings.filter((c) => {
    const key = `${c.code}:${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
