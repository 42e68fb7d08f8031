import * as vscode from 'vscode';
import { type Study, visibleCoders, type VisibleCoders, visibleStudy } from '../../core/index';
import type { CoderIdentity } from './coder-identity';

export const BLIND_CODING_SETTING = 'blindCoding';

/**
 * Whose codings the editor shows: the `grounded.blindCoding` setting with the current coder. Everything that
 * displays codings (live codings, views, badges, the analysis panel) reads `visible` or `view(study)` from
 * here, so blind mode is decided in one place. Known synchronously (decorations are drawn synchronously):
 * the coder is resolved once and again whenever the setting or `grounded.coder` changes.
 */
export class BlindCoding implements vscode.Disposable {
  private current: VisibleCoders;
  private readonly emitter = new vscode.EventEmitter<VisibleCoders>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Settles once the first resolution is done (tests and the first display wait on it). */
  ready: Promise<void>;

  readonly onDidChange = this.emitter.event;

  constructor(private readonly coder: CoderIdentity) {
    // Blind from the start when the setting says so: nobody's codings until the coder is known, never everyone's.
    this.current = visibleCoders(this.isOn(), undefined);
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          event.affectsConfiguration(`grounded.${BLIND_CODING_SETTING}`) ||
          event.affectsConfiguration('grounded.coder')
        )
          this.ready = this.refresh();
      }),
    );
    this.ready = this.refresh();
  }

  get visible(): VisibleCoders {
    return this.current;
  }

  /** The study as it is displayed (only the visible coders' sidecars). Never write through the result. */
  view(study: Study): Study {
    return visibleStudy(study, this.current);
  }

  isOn(): boolean {
    return vscode.workspace.getConfiguration('grounded').get<boolean>(BLIND_CODING_SETTING, false);
  }

  /** Turns blind coding on or off where the setting is set now (workspace if set there, else the user's). */
  async toggle(): Promise<void> {
    const config = vscode.workspace.getConfiguration('grounded');
    const inspected = config.inspect<boolean>(BLIND_CODING_SETTING);
    const target =
      inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    await config.update(BLIND_CODING_SETTING, !this.isOn(), target);
    this.ready = this.refresh();
    await this.ready;
  }

  private async refresh(): Promise<void> {
    const blind = this.isOn();
    // Never ask who is coding just to hide codings: unknown while blind shows nobody's.
    const coder = blind ? await this.coder.coderId(false).catch(() => undefined) : undefined;
    const next = visibleCoders(blind, coder);
    const same = next.blind ? this.current.blind && this.current.coder === next.coder : !this.current.blind;
    if (same) return;
    this.current = next;
    this.emitter.fire(next);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
