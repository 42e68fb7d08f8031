import * as vscode from 'vscode';
import type { CodingStatus } from '../../core/index';
import type { DecorationLook } from './decoration-settings';
import { gutterIcon } from './gutter-icons';

/** Alpha of the translucent fill: light enough that text stays readable, and overlapping fills add up. */
const FILL_ALPHA_LIGHT = '4d';
const FILL_ALPHA_DARK = '33';

const underline = (color: string | vscode.ThemeColor, width = 2, line = 'solid'): vscode.DecorationRenderOptions => ({
  borderStyle: `none none ${line} none`,
  borderWidth: `0 0 ${width}px 0`,
  borderColor: color,
});

/**
 * How a coding in `color` is drawn. Codings that need review or lost their passage (orphans) get a dashed
 * or dotted outline in every style, so they stand out from cleanly anchored ones.
 */
export function codingOptions(
  look: DecorationLook,
  color: string,
  status: CodingStatus | undefined,
): vscode.DecorationRenderOptions {
  const ruler: vscode.DecorationRenderOptions = {
    overviewRulerColor: color,
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  };
  const fill: vscode.DecorationRenderOptions = {
    light: { backgroundColor: color + FILL_ALPHA_LIGHT },
    dark: { backgroundColor: color + FILL_ALPHA_DARK },
  };
  if (status !== undefined) {
    const outline: vscode.DecorationRenderOptions = {
      borderStyle: status === 'orphan' ? 'dotted' : 'dashed',
      borderWidth: '1px',
      borderColor: color,
    };
    const wavy = status === 'orphan' ? { textDecoration: `underline wavy ${color}` } : {};
    return { ...ruler, ...(look.highContrast || look.style === 'underline' ? {} : fill), ...outline, ...wavy };
  }
  if (look.highContrast) return { ...ruler, ...underline(color) };
  switch (look.style) {
    case 'underline':
      return { ...ruler, ...underline(color) };
    case 'both':
      return { ...ruler, ...fill, ...underline(color) };
    default:
      return { ...ruler, ...fill };
  }
}

/** Where two or more codings overlap: a heavier double line under the text, in the editor's own colour. */
export function overlapOptions(look: DecorationLook): vscode.DecorationRenderOptions {
  if (look.highContrast)
    return {
      outlineStyle: 'solid',
      outlineWidth: '1px',
      outlineColor: new vscode.ThemeColor('contrastActiveBorder'),
      ...underline(new vscode.ThemeColor('contrastBorder'), 4, 'double'),
    };
  return underline(new vscode.ThemeColor('editor.foreground'), look.style === 'background' ? 3 : 5, 'double');
}

/** A gutter mark with a stripe per colour on the line. */
export function gutterOptions(colors: readonly string[]): vscode.DecorationRenderOptions {
  return { gutterIconPath: gutterIcon(colors), gutterIconSize: 'contain' };
}
