import * as vscode from 'vscode';

export type DecorationStyle = 'background' | 'underline' | 'both';
const STYLES: readonly DecorationStyle[] = ['background', 'underline', 'both'];

/** What decides how codings look; a change to any of it recreates every decoration type. */
export interface DecorationLook {
  readonly style: DecorationStyle;
  readonly gutter: boolean;
  /** High-contrast themes get outlines and underlines, never fills (fills wash out their strict contrast). */
  readonly highContrast: boolean;
}

export function currentLook(): DecorationLook {
  const config = vscode.workspace.getConfiguration('grounded');
  const style = config.get<string>('decorationStyle', 'background');
  const kind = vscode.window.activeColorTheme.kind;
  return {
    style: (STYLES as readonly string[]).includes(style) ? (style as DecorationStyle) : 'background',
    gutter: config.get<boolean>('showGutterMarks', true) !== false,
    highContrast: kind === vscode.ColorThemeKind.HighContrast || kind === vscode.ColorThemeKind.HighContrastLight,
  };
}

/** Settings whose change alters the look of codings. */
export function affectsLook(event: vscode.ConfigurationChangeEvent): boolean {
  return ['grounded.decorationStyle', 'grounded.colors', 'grounded.showGutterMarks'].some((key) =>
    event.affectsConfiguration(key),
  );
}
