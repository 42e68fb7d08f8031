import * as vscode from 'vscode';
import { type Code, COLOR } from '../../core/index';

const cache = new Map<string, vscode.Uri>();

/**
 * A round swatch of a code's colour for quick picks. Quick picks ignore a ThemeIcon's colour
 * (microsoft/vscode#185356), so the swatch is a small SVG as a data: URI, which the workbench's
 * Content-Security-Policy allows for images and which needs no file (so it works in vscode.dev too).
 */
export function colorSwatch(color: string): vscode.Uri {
  let uri = cache.get(color);
  if (!uri) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="5.5" fill="${color}" stroke="#8888" stroke-width="1"/></svg>`;
    uri = vscode.Uri.parse(`data:image/svg+xml;base64,${btoa(svg)}`);
    cache.set(color, uri);
  }
  return uri;
}

/** A code's icon: its colour swatch, or a plain tag when it has no (valid) colour. */
export function codeIcon(code: Code): vscode.Uri | vscode.ThemeIcon {
  return code.color && COLOR.test(code.color) ? colorSwatch(code.color) : new vscode.ThemeIcon('tag');
}
