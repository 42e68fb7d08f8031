import assert from 'node:assert/strict';
import {
  dismissalOf,
  dismissPassages,
  DISMISSALS_FILE,
  FileLoadError,
  parseDismissals,
  passageKey,
  readDismissals,
  serializeDismissals,
  undismissPassages,
} from '../../../../src/core/index';
import { fixtureStudy, ROOT } from './fixture';

const URI = `${ROOT}/${DISMISSALS_FILE}`;

describe('similar passages: the dismissals file', () => {
  it('round-trips, one sorted line per dismissal, with an excerpt for the reader', () => {
    const value = {
      dismissed: [
        dismissalOf('mentoring', 'b/P02.txt', 'My mentor and I met every week.'),
        dismissalOf('burnout', 'a/P01 "x".txt', `I was  exhausted\nand ${'sleeping '.repeat(10)}`),
      ],
    };
    const text = serializeDismissals(value);
    const lines = text.split('\n');
    assert.equal(lines[1], 'grounded: 1');
    assert.equal(lines[2], 'dismissed:');
    assert.match(
      lines[3]!,
      /^ {2}- \{ code: burnout, transcript: "a\/P01 \\"x\\"\.txt", passage: "[0-9a-f]{16}", text: "I was exhausted and sleeping .*…" \}$/,
    );
    assert.match(lines[4]!, /^ {2}- \{ code: mentoring, /);
    assert.equal(lines.length, 6);
    const parsed = parseDismissals(URI, text);
    assert.ok(parsed.ok);
    assert.equal(serializeDismissals(parsed.value), text);
    assert.deepEqual(
      parsed.value.dismissed.map((d) => d.code),
      ['burnout', 'mentoring'],
    );
  });

  it('keys a passage by its words, so re-wrapping keeps it and another wording does not', () => {
    assert.equal(passageKey('I was exhausted\n  and tired.'), passageKey('I was exhausted and tired. '));
    assert.notEqual(passageKey('I was exhausted and tired.'), passageKey('I was tired and exhausted.'));
  });

  it('a malformed file is refused with file:line:column and stays byte for byte as it was', async () => {
    const broken =
      'grounded: 1\ndismissed:\n  - { code: burnout, transcript: "P01.txt", passage: "0123456789abcdef" }\n  - { code: burnout, transcript: "P02.txt", pasage: "0123456789abcdef" }\n';
    const parsed = parseDismissals(URI, broken);
    assert.ok(!parsed.ok);
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.column, p.kind]),
      [
        [4, 5, 'schema'],
        [4, 45, 'unknown-key'],
      ],
    );
    const { fs, study } = await fixtureStudy([], { [DISMISSALS_FILE]: broken });
    await assert.rejects(readDismissals(fs, study), (error: unknown) => {
      assert.ok(error instanceof FileLoadError);
      assert.equal(error.problems[0]?.uri, URI);
      assert.equal(error.problems[0]?.line, 4);
      return true;
    });
    await assert.rejects(dismissPassages(fs, study, [dismissalOf('burnout', 'P03.txt', 'x y')]), FileLoadError);
    assert.equal(fs.text(URI), broken);
  });

  it('conflict markers and a wrong passage key are refused at their line', () => {
    const conflicted = [
      'grounded: 1',
      'dismissed:',
      '<<<<<<< HEAD',
      '  - { code: burnout, transcript: "P01.txt", passage: "0123456789abcdef" }',
      '=======',
      '  - { code: burnout, transcript: "P02.txt", passage: "0123456789abcdef" }',
      '>>>>>>> theirs',
      '',
    ].join('\n');
    const markers = parseDismissals(URI, conflicted);
    assert.ok(!markers.ok);
    assert.deepEqual([markers.problems[0]?.line, markers.problems[0]?.kind], [3, 'conflict-marker']);
    const badKey = parseDismissals(
      URI,
      'grounded: 1\ndismissed:\n  - { code: burnout, transcript: "P01.txt", passage: "xyz" }\n',
    );
    assert.ok(!badKey.ok);
    assert.equal(badKey.problems[0]?.line, 3);
    assert.match(badKey.problems[0]?.message ?? '', /16 hexadecimal digits/);
  });

  it('dismissing goes through the write path: created, merged with what is there, a repeat writes nothing, undo removes', async () => {
    const { fs, study } = await fixtureStudy();
    const weekly = 'My mentor and I met every week and I liked the program.';
    const first = dismissalOf('burnout', 'P02.txt', weekly);
    assert.equal(await dismissPassages(fs, study, [first]), true);
    assert.equal(await dismissPassages(fs, study, [first]), false);
    // Someone else's line, added by hand (or by a merge), is kept when we add ours.
    const theirs = '  - { code: mentoring, transcript: "P01.txt", passage: "0123456789abcdef" }\n';
    fs.put(URI, fs.text(URI)! + theirs);
    const second = dismissalOf('burnout', 'P03.txt', 'Sleeping was fine and the attending was a mentor to me.');
    await dismissPassages(fs, study, [second]);
    const text = fs.text(URI)!;
    assert.equal(text.split('\n').filter((l) => l.startsWith('  - ')).length, 3);
    assert.ok(text.includes(theirs));
    const dismissed = await readDismissals(fs, study);
    assert.ok(dismissed.has('burnout', 'P03.txt', 'Sleeping was fine and the attending was a mentor to me.'));
    await undismissPassages(fs, study, [second]);
    assert.ok(
      !(await readDismissals(fs, study)).has(
        'burnout',
        'P03.txt',
        'Sleeping was fine and the attending was a mentor to me.',
      ),
    );
    assert.ok((await readDismissals(fs, study)).has('burnout', 'P02.txt', weekly));
  });
});
