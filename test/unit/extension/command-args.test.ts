import assert from 'node:assert/strict';
import { CommandArgs, CommandArgumentError } from '../../../src/extension/shared/command-args';

// A stand-in for vscode.Uri: what a menu passes when a command runs on a file.
class FakeUri {
  constructor(readonly path: string) {}
}
const read = (arg: unknown) => new CommandArgs(arg, (value): value is FakeUri => value instanceof FakeUri);

describe('command arguments (CommandArgs)', () => {
  it('reads a script’s arguments object by type', () => {
    const args = read({ study: '/s', id: 'burnout', force: true, slot: 3, codes: ['a', 'b'], to: 'turn' });
    assert.equal(args.fromScript, true);
    assert.equal(args.study(), '/s');
    assert.equal(args.codeId(), 'burnout');
    assert.equal(args.boolean('force'), true);
    assert.equal(args.number('slot'), 3);
    assert.deepEqual(args.strings('codes'), ['a', 'b']);
    assert.equal(args.oneOf('to', ['selection', 'sentence', 'turn']), 'turn');
    assert.equal(args.string('missing'), undefined);
    assert.equal(args.has('missing'), false);
  });

  it('refuses a script’s argument of the wrong type, naming it and what it must be', () => {
    const args = read({ study: 7, codes: ['a', 1], to: 'word', ranges: [{ start: 1, end: 'x' }] });
    assert.throws(() => args.study(), /"study" must be a string, not number 7/);
    assert.throws(() => args.strings('codes'), /"codes" must be a list of strings, not a list/);
    assert.throws(() => args.oneOf('to', ['selection', 'sentence']), /"to" must be one of "selection", "sentence"/);
    assert.throws(() => args.spans('ranges'), CommandArgumentError);
  });

  it('reads code-point ranges', () => {
    const args = read({ range: { start: 2, end: 5 }, ranges: [{ start: 0, end: 1 }] });
    assert.deepEqual(args.span('range'), { start: 2, end: 5 });
    assert.deepEqual(args.spans('ranges'), [{ start: 0, end: 1 }]);
    assert.throws(() => read({ range: { start: 1.5, end: 2 } }).span('range'), /whole numbers/);
  });

  it('a bare string is a code id; codeId wins over id (a coding’s item carries both)', () => {
    assert.equal(read('burnout').codeId(), 'burnout');
    assert.equal(read({ kind: 'coding', id: 'c-1', codeId: 'burnout' }).codeId(), 'burnout');
  });

  it('a view item is not a script, and its other fields never fail the command', () => {
    const item = read({ kind: 'code', id: 'burnout', study: '/s', title: 42 });
    assert.equal(item.fromScript, false);
    assert.equal(item.isObject, true);
    assert.deepEqual(item.viewItem('code'), { kind: 'code', id: 'burnout', study: '/s', title: 42 });
    assert.equal(item.viewItem('study'), undefined);
    assert.equal(item.string('title'), undefined);
    assert.equal(item.study(), '/s');
  });

  it('a resource from a menu is the uri, not an arguments object', () => {
    const uri = new FakeUri('/s/P01.txt');
    const args = read(uri);
    assert.equal(args.fromScript, false);
    assert.equal(args.isObject, false);
    assert.equal(args.uri(), uri);
    assert.equal(args.resource(), uri);
    assert.equal(args.string('path'), undefined, 'the resource’s own fields are not arguments');
    assert.equal(read({ uri: 'file:///s/P01.txt' }).uri(), 'file:///s/P01.txt');
    assert.equal(read({ folder: uri }).uri('folder'), uri);
    assert.throws(() => read({ uri: 5 }).uri(), /"uri" must be a URI or a string/);
  });

  it('nothing (a palette run) reads as no arguments', () => {
    for (const nothing of [undefined, null]) {
      const args = read(nothing);
      assert.equal(args.fromScript, false);
      assert.equal(args.study(), undefined);
      assert.equal(args.codeId(), undefined);
      assert.equal(args.uri(), undefined);
    }
  });
});
