import * as vscode from 'vscode';
import { describeVisibleCoders } from '../../core/index';
import type { BlindCoding } from '../study/blind-coding';
import { BLIND_CODING_COMMANDS } from './commands';

/**
 * "$(eye-closed) Blind" while blind coding is on, "$(eye) All coders" while off; a click toggles it. The
 * tooltip says whose codings are hidden, or that nobody's are shown because who is coding is unknown.
 */
export class BlindStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('grounded.blindCoding', vscode.StatusBarAlignment.Right, 101);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly blind: BlindCoding) {
    this.item.name = 'Grounded: blind coding';
    this.item.command = BLIND_CODING_COMMANDS.toggleBlindCoding.id;
    this.disposables.push(blind.onDidChange(() => this.update()));
    this.update();
    this.item.show();
  }

  update(): void {
    const visible = this.blind.visible;
    this.item.text = visible.blind ? '$(eye-closed) Blind' : '$(eye) All coders';
    this.item.tooltip = `${describeVisibleCoders(visible)} Click to turn blind coding ${visible.blind ? 'off' : 'on'}.`;
    this.item.backgroundColor = visible.blind ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
