// Who is coding, when nothing is configured: git's user.name, asked once however many parts of the extension
// want it at the same moment (at activation the Codings view and the explorer badges both do), kept once
// found, and asked again while git has none (the person may set it later).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CoderIdentity } from '../../src/extension/study/coder-identity';

describe('coder identity from git', () => {
  const config = () => vscode.workspace.getConfiguration('grounded');
  // Nothing configured at any level (other suites set a workspace coder and leave it): restored afterwards.
  const levels = [vscode.ConfigurationTarget.Global, vscode.ConfigurationTarget.Workspace] as const;
  let previous: { globalValue?: unknown; workspaceValue?: unknown } | undefined;

  before(async () => {
    previous = config().inspect('coder');
    for (const level of levels) await config().update('coder', undefined, level);
    assert.equal(config().get('coder', ''), '');
  });
  after(async () => {
    await config().update('coder', previous?.globalValue, vscode.ConfigurationTarget.Global);
    await config().update('coder', previous?.workspaceValue, vscode.ConfigurationTarget.Workspace);
  });

  /** A platform whose git answers `name` after a moment, counting the questions. */
  const gitSaying = (name: string | undefined) => {
    const asked = { count: 0 };
    const platform = {
      gitUserName: async () => {
        asked.count++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return name;
      },
    };
    return { asked, identity: new CoderIdentity(platform) };
  };

  it('asks git once for callers at the same moment, and not again once it answered', async () => {
    const { asked, identity } = gitSaying('Amara Okafor');
    const ids = await Promise.all([identity.coderId(false), identity.coderId(false), identity.coderId(false)]);
    assert.deepEqual(ids, ['amara-okafor', 'amara-okafor', 'amara-okafor']);
    assert.equal(asked.count, 1);
    assert.equal(await identity.coderId(false), 'amara-okafor');
    assert.equal(asked.count, 1);
  });

  it('asks git again later while it has no user.name', async () => {
    const { asked, identity } = gitSaying(undefined);
    assert.deepEqual(await Promise.all([identity.coderId(false), identity.coderId(false)]), [undefined, undefined]);
    assert.equal(asked.count, 1);
    assert.equal(await identity.coderId(false), undefined);
    assert.equal(asked.count, 2);
  });
});
