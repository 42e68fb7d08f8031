import * as vscode from 'vscode';
import { CODER_ID, coderIdFrom } from '../../core/index';
import type { Platform } from '../platform/platform';

/**
 * Who is coding. The `grounded.coder` setting wins; otherwise git's user.name (desktop), slugified into a
 * coder id that can sit in a file name; otherwise the person is asked once and the answer is saved as the
 * `grounded.coder` user setting: who you are goes with you, not with the study (a workspace setting would land
 * in the study's .vscode/settings.json and, once committed, name every other coder's sidecars after you).
 */
export class CoderIdentity {
  private cached: string | undefined;
  /** The git lookup under way: the views, the badges and a command asking at once share one `git` process. */
  private gitName: Promise<string | undefined> | undefined;

  constructor(private readonly platform: Platform) {}

  /** Forget the cached answer (after the setting changes). */
  reset(): void {
    this.cached = undefined;
  }

  async coderId(ask = true): Promise<string | undefined> {
    const configured = vscode.workspace.getConfiguration('grounded').get<string>('coder', '').trim();
    if (configured) return CODER_ID.test(configured) ? configured : coderIdFrom(configured);
    if (this.cached) return this.cached;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    this.gitName ??= this.platform
      .gitUserName(folder?.scheme === 'file' ? folder.fsPath : undefined)
      .finally(() => (this.gitName = undefined));
    const gitName = await this.gitName;
    if (gitName) return (this.cached = coderIdFrom(gitName));
    if (!ask) return undefined;
    const name = await vscode.window.showInputBox({
      title: 'Grounded: who is coding?',
      prompt:
        'No grounded.coder setting and no git user.name found. Your name or initials names your sidecar files ' +
        '(P01.<you>.codes.yaml) and is saved as your grounded.coder user setting.',
      validateInput: (value) => (coderIdFrom(value) === 'coder' && value.trim() === '' ? 'Enter a name' : undefined),
    });
    if (!name) return undefined;
    const id = coderIdFrom(name);
    await vscode.workspace.getConfiguration('grounded').update('coder', id, vscode.ConfigurationTarget.Global);
    return (this.cached = id);
  }
}
