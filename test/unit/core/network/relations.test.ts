import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as yamlParse } from 'yaml';
import {
  codebookEdits,
  CodebookEditError,
  DEFAULT_RELATION_TYPES,
  parseCodebook,
  parseSettings,
  serializeCodebook,
  type Codebook,
} from '../../../../src/core/index';

const URI = 'file:///s/codebook.yaml';
const types = DEFAULT_RELATION_TYPES;
const codebook: Codebook = {
  codes: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() })),
  relations: [
    { from: 'a', type: 'causes', to: 'b', memo: 'a memo' },
    { from: 'b', type: 'contradicts', to: 'c' },
  ],
};

describe('relations in the codebook', () => {
  it('round-trips relations and the core category, one field per line, sorted', () => {
    const text = serializeCodebook({
      ...codebook,
      codes: codebook.codes.map((c) => (c.id === 'a' ? { ...c, core: true } : c)),
    });
    assert.match(text, /relations:\n {2}- from: a\n {4}type: causes\n {4}to: b\n {4}memo: "a memo"\n {2}- from: b\n/);
    assert.match(text, /id: a\n {4}name: A\n {4}core: true/);
    const parsed = parseCodebook(URI, text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.relations, codebook.relations);
    assert.equal(serializeCodebook(parsed.value), text);
  });

  it('refuses an unknown code, a self-loop and a duplicate with file:line:col', () => {
    const text = [
      'grounded: 1',
      'codes:',
      '  - id: a',
      '    name: A',
      '  - id: b',
      '    name: B',
      'relations:',
      '  - from: a',
      '    type: causes',
      '    to: nope',
      '  - from: b',
      '    type: causes',
      '    to: b',
      '  - { from: a, type: causes, to: b }',
      '  - { from: a, type: causes, to: b }',
    ].join('\n');
    const parsed = parseCodebook(URI, text);
    assert.ok(!parsed.ok);
    const found = parsed.problems.map((p) => `${p.line}:${p.column} ${p.kind}`);
    assert.deepEqual(found, ['10:9 unknown-code', '13:9 self-loop', '15:5 duplicate-relation']);
  });

  it('reads relationTypes from grounded.yaml (replacing the defaults) and refuses a type without directed', () => {
    const ok = parseSettings(
      'file:///s/grounded.yaml',
      'relationTypes:\n  - { id: enables, directed: true }\n  - { id: mirrors, directed: false, label: mirrors }\n',
    );
    assert.ok(ok.ok);
    assert.deepEqual(ok.value.relationTypes, [
      { id: 'enables', directed: true },
      { id: 'mirrors', directed: false, label: 'mirrors' },
    ]);
    const bad = parseSettings('file:///s/grounded.yaml', 'relationTypes:\n  - id: enables\n');
    assert.ok(!bad.ok);
    assert.equal(bad.problems[0]?.line, 2);
    assert.match(bad.problems[0]?.message ?? '', /directed/);
  });

  it('the schemas accept what the core writes and refuse a relation with an unknown key', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    const schema = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../../../schemas/codebook.schema.json'), 'utf8'),
    ) as object;
    const validate = ajv.compile(schema);
    const example = readFileSync(
      path.resolve(__dirname, '../../../../examples/mentorship-study/codebook.yaml'),
      'utf8',
    );
    assert.ok(validate(yamlParse(example)), ajv.errorsText(validate.errors));
    assert.ok(validate(yamlParse(serializeCodebook(codebook))));
    assert.ok(!validate({ grounded: 1, codes: [], relations: [{ from: 'a', type: 'causes', to: 'b', weight: 2 }] }));
    const settings = ajv.compile(
      JSON.parse(readFileSync(path.resolve(__dirname, '../../../../schemas/grounded.schema.json'), 'utf8')) as object,
    );
    assert.ok(
      settings({ relationTypes: [{ id: 'enables', directed: true, label: 'enables' }] }),
      ajv.errorsText(settings.errors),
    );
    assert.ok(!settings({ relationTypes: [{ id: 'enables' }] }));
  });
});

describe('codebook operations keep relations consistent', () => {
  it('relate refuses unknown codes and types, self-loops and restating a relation (either way when undirected)', () => {
    const refuse = (edit: () => unknown, message: RegExp) =>
      assert.throws(edit, (e: Error) => e instanceof CodebookEditError && message.test(e.message));
    refuse(() => codebookEdits.relate(codebook, { from: 'a', type: 'causes', to: 'zz' }, types), /no code "zz"/);
    refuse(
      () => codebookEdits.relate(codebook, { from: 'a', type: 'bogus', to: 'b' }, types),
      /"bogus" is not a relation type/,
    );
    refuse(() => codebookEdits.relate(codebook, { from: 'a', type: 'causes', to: 'a' }, types), /itself/);
    refuse(() => codebookEdits.relate(codebook, { from: 'c', type: 'contradicts', to: 'b' }, types), /already/);
  });

  it('allows cycles', () => {
    const cycle = codebookEdits.relate(
      codebookEdits.relate(codebook, { from: 'b', type: 'causes', to: 'c' }, types),
      { from: 'c', type: 'causes', to: 'a' },
      types,
    );
    assert.equal(cycle.relations?.filter((r) => r.type === 'causes').length, 3);
  });

  it('rename keeps relations (ids are stable)', () => {
    const renamed = codebookEdits.update(codebook, 'a', { name: 'Renamed' });
    assert.deepEqual(renamed.relations, codebook.relations);
  });

  it('merge re-points relations, drops the self-loop and keeps a duplicate once with both memos', () => {
    const start = codebookEdits.relate(codebook, { from: 'd', type: 'causes', to: 'b', memo: 'd memo' }, types);
    const withAtoD = codebookEdits.relate(start, { from: 'a', type: 'is-a', to: 'd' }, types);
    const merged = codebookEdits.merge(withAtoD, 'd', 'a', types);
    assert.deepEqual(merged.relations, [
      { from: 'a', type: 'causes', to: 'b', memo: 'a memo\n\nd memo' },
      { from: 'b', type: 'contradicts', to: 'c' },
    ]);
    const undirected = codebookEdits.merge(
      codebookEdits.relate(codebook, { from: 'd', type: 'contradicts', to: 'b' }, types),
      'd',
      'c',
      types,
    );
    assert.deepEqual(
      undirected.relations,
      codebook.relations,
      'd contradicts b became c contradicts b: the same as b contradicts c',
    );
  });

  it('delete refuses while relations use the code, and with removeRelations removes them', () => {
    assert.throws(() => codebookEdits.remove(codebook, 'b'), /in 2 relation\(s\).*a causes b; b contradicts c/);
    const removed = codebookEdits.remove(codebook, 'b', true);
    assert.equal(removed.relations, undefined);
    assert.deepEqual(codebookEdits.remove(codebook, 'c', true).relations, [codebook.relations?.[0]]);
    assert.deepEqual(
      codebookEdits.remove(codebook, 'd').relations,
      codebook.relations,
      'an unrelated code deletes without asking',
    );
  });

  it('unrelate removes both directions of an undirected type, refuses when there is nothing to remove', () => {
    assert.equal(codebookEdits.unrelate(codebook, { from: 'c', to: 'b' }, types).relations?.length, 1);
    assert.throws(() => codebookEdits.unrelate(codebook, { from: 'b', to: 'a' }, types), /no relation from "b" to "a"/);
  });

  it('setCore keeps one core category; setMemo edits and clears a memo', () => {
    const once = codebookEdits.setCore(codebook, 'a');
    const twice = codebookEdits.setCore(once, 'b');
    assert.deepEqual(
      twice.codes.filter((c) => c.core).map((c) => c.id),
      ['b'],
    );
    const memo = codebookEdits.setMemo(codebook, { from: 'c', type: 'contradicts', to: 'b' }, 'why', types);
    assert.equal(memo.relations?.[1]?.memo, 'why');
    assert.equal(
      codebookEdits.setMemo(memo, { from: 'b', type: 'contradicts', to: 'c' }, '', types).relations?.[1]?.memo,
      undefined,
    );
  });
});
