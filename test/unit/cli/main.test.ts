import assert from 'node:assert/strict';
import { COMMANDS } from '../../../src/cli/registry';
import { run, tempFolder } from './helpers';

describe('grounded (command dispatch)', () => {
  const cwd = tempFolder();

  it('prints the overview with --help and exits 0', async () => {
    const result = await run(cwd, ['--help']);
    assert.equal(result.code, 0);
    for (const command of COMMANDS) assert.match(result.stdout, new RegExp(`\\b${command.name}\\b`));
  });

  it('exits 2 with the overview on stderr when no command is given', async () => {
    const result = await run(cwd, []);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Usage: grounded <command>/);
  });

  it('exits 2 on an unknown command, suggesting a close one', async () => {
    const result = await run(cwd, ['chek']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command "chek" \(did you mean "check"\?\)/);
  });

  for (const command of COMMANDS) {
    it(`grounded ${command.name} --help prints its usage and options, exit 0`, async () => {
      const result = await run(cwd, [...command.name.split(' '), '--help']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(`Usage:\\n  grounded ${command.name}`));
      assert.match(result.stdout, /-h, --help/);
    });
  }

  it("exits 2 on an unknown flag and prints that command's usage on stderr", async () => {
    const result = await run(cwd, ['codes', '--bogus']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /grounded codes: Unknown option '--bogus'/);
    assert.match(result.stderr, /Usage:\n {2}grounded codes \[dir\]/);
  });

  it('exits 2 on a missing argument and on one too many', async () => {
    const missing = await run(cwd, ['codebook', 'add']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing argument[\s\S]*grounded codebook add <id>/);
    const extra = await run(cwd, ['codes', 'a', 'b']);
    assert.equal(extra.code, 2);
    assert.match(extra.stderr, /unexpected argument "b"/);
  });

  it("lists a group's subcommands, and exits 2 on an unknown one", async () => {
    const help = await run(cwd, ['codebook', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /codebook merge/);
    const unknown = await run(cwd, ['codebook', 'frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown subcommand "frobnicate"/);
  });

  it("`grounded help <command>` is the command's --help", async () => {
    const result = await run(cwd, ['help', 'retrieve']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /grounded retrieve \[dir\]/);
  });

  it('exits 2 for a study folder that does not exist', async () => {
    const result = await run(cwd, ['check', 'no-such-folder']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no-such-folder: no such folder/);
  });
});
