import * as vscode from 'vscode';
import { MAX_GUTTER_STRIPES } from './gutter-stripes';

const cache = new Map<string, vscode.Uri>();

/**
 * A gutter mark for a line with codings: one vertical stripe per code colour. An SVG data: URI needs no
 * file on disk, so it also works in vscode.dev, and the workbench's CSP allows data: images. Each stripe
 * has a thin grey edge so pale colours stay visible on light and dark backgrounds alike.
 */
export function gutterIcon(colors: readonly string[]): vscode.Uri {
  const key = colors.join(',');
  let uri = cache.get(key);
  if (!uri) {
    const stripes = colors
      .slice(0, MAX_GUTTER_STRIPES)
      .map(
        (color, index) =>
          `<rect x="${2 + index * 4}" y="1" width="3" height="14" rx="1" fill="${color}" stroke="#8888" stroke-width="0.5"/>`,
      )
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${stripes}</svg>`;
    uri = vscode.Uri.parse(`data:image/svg+xml;base64,${btoa(svg)}`);
    cache.set(key, uri);
  }
  return uri;
}
