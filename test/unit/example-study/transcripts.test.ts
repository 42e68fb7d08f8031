import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseSidecar, validateSidecarAgainstText } from '../../../src/core/sidecar/format';
import { codePointLength, OffsetMap } from '../../../src/core/text/canonical';
import { hashText } from '../../../src/core/text/hash';
import { parseCodebook } from '../../../src/core/codebook/format';

const STUDY = join(__dirname, '../../../examples/mentorship-study');
const TRANSCRIPTS = join(STUDY, 'transcripts');

/** Header "Role:" prefix → survey role. */
const ROLE_PREFIXES: readonly [string, string][] = [
  ['Medical student', 'student'],
  ['Resident', 'resident'],
  ['Chief resident', 'chief'],
  ['Attending', 'attending'],
  ['Administrator', 'administrator'],
];

const survey = new Map(
  Papa.parse<Record<string, string>>(readFileSync(join(STUDY, 'survey.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data.map((row) => [row['participant_id'] as string, row]),
);
const transcriptFiles = readdirSync(TRANSCRIPTS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const sidecarFiles = readdirSync(TRANSCRIPTS)
  .filter((f) => f.endsWith('.codes.yaml'))
  .sort();
const read = (file: string): string => readFileSync(join(TRANSCRIPTS, file), 'utf8');

function header(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line === '') break;
    const match = /^([A-Za-z]+): (.*)$/.exec(line);
    assert.ok(match, `header line "${line}"`);
    fields[match[1] as string] = match[2] as string;
  }
  return fields;
}

describe('example study: transcripts', () => {
  it('has one transcript per survey row', () => {
    assert.deepEqual(
      transcriptFiles,
      [...survey.keys()].map((id) => `${id}.txt`),
    );
  });

  it("matches each header's Participant and Role to the survey row", () => {
    for (const file of transcriptFiles) {
      const fields = header(read(file));
      const id = file.replace(/\.txt$/, '');
      assert.equal(fields['Participant'], id, file);
      assert.equal(fields['Study'], 'Mentorship in academic medicine (synthetic example)');
      assert.match(fields['Date'] ?? '', /^\d{4}-\d{2}-\d{2}$/);
      const role = ROLE_PREFIXES.find(([prefix]) => fields['Role']?.startsWith(prefix))?.[1];
      assert.equal(role, survey.get(id)?.['role'], `${file}: Role "${fields['Role']}"`);
    }
  });

  it('uses the transcript format: LF, speaker turns with timestamps, a blank line between turns', () => {
    for (const file of transcriptFiles) {
      const text = read(file);
      const id = file.replace(/\.txt$/, '');
      assert.ok(
        !text.includes('\r') && text.charCodeAt(0) !== 0xfeff && text.endsWith('\n') && !text.endsWith('\n\n'),
        file,
      );
      const body = text.slice(text.indexOf('\n\n') + 2, -1).split('\n\n');
      let previous = -1;
      for (const turn of body) {
        const match = /^\[(\d\d):(\d\d):(\d\d)\] (Interviewer|P\d\d): [^\n]+$/.exec(turn);
        assert.ok(match, `${file}: turn "${turn.slice(0, 60)}"`);
        assert.ok(match[4] === 'Interviewer' || match[4] === id, `${file}: speaker ${match[4]}`);
        const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
        assert.ok(seconds > previous, `${file}: timestamps go forward`);
        previous = seconds;
      }
    }
  });

  it('keeps each transcript between 600 and 1,500 words', () => {
    for (const file of transcriptFiles) {
      const words = read(file)
        .split(/\s+/)
        .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      assert.ok(words >= 600 && words <= 1500, `${file}: ${words} words`);
    }
  });

  it('includes non-ASCII letters and at least one astral character (offset tests)', () => {
    const all = transcriptFiles.map(read).join('');
    assert.match(all, /[éñ—]/);
    assert.ok([...all].some((ch) => (ch.codePointAt(0) ?? 0) > 0xffff));
  });
});

describe('example study: sidecars and codebook', () => {
  const codebook = parseCodebook('codebook.yaml', readFileSync(join(STUDY, 'codebook.yaml'), 'utf8'));
  const codeIds = new Set(codebook.ok ? codebook.value.codes.map((c) => c.id) : []);

  it('has a valid codebook of categories and codes with GUIDs', () => {
    assert.ok(codebook.ok, JSON.stringify(!codebook.ok && codebook.problems));
    const codes = codebook.value.codes;
    assert.ok(codes.length >= 25 && codes.length <= 36);
    const categories = codes.filter((c) => c.parent === undefined);
    assert.ok(categories.length >= 5 && categories.length <= 7);
    for (const code of codes) {
      assert.match(code.guid ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.match(code.color ?? '', /^#[0-9a-f]{6}$/);
      assert.ok(code.definition);
    }
  });

  it('has an amara sidecar for every transcript and jonas sidecars for ten', () => {
    const coders = (coder: string): string[] => sidecarFiles.filter((f) => f.endsWith(`.${coder}.codes.yaml`));
    assert.equal(coders('amara').length, 44);
    assert.equal(coders('jonas').length, 10);
    assert.equal(sidecarFiles.length, 54);
  });

  it('anchors every coding exactly: hash of the text, quote/prefix/suffix at code-point offsets, known codes', () => {
    for (const file of sidecarFiles) {
      const parsed = parseSidecar(file, read(file));
      assert.ok(parsed.ok, `${file}: ${JSON.stringify(!parsed.ok && parsed.problems)}`);
      const { sidecar } = parsed.value;
      assert.equal(`${sidecar.transcript.replace(/\.txt$/, '')}.${sidecar.coder}.codes.yaml`, file);
      const text = read(sidecar.transcript);
      assert.equal(sidecar.textHash, hashText(text), file);
      assert.deepEqual(validateSidecarAgainstText(file, parsed.value, codePointLength(text), hashText(text)), []);
      const map = new OffsetMap(text);
      for (const coding of sidecar.codings) {
        assert.ok(codeIds.has(coding.code), `${file}: unknown code ${coding.code}`);
        assert.equal(map.slice(coding.start, coding.end), coding.quote, `${file}: ${coding.id}`);
        assert.equal(map.slice(Math.max(0, coding.start - 32), coding.start), coding.prefix);
        assert.equal(map.slice(coding.end, Math.min(map.codePointLength, coding.end + 32)), coding.suffix);
      }
    }
  });
});
