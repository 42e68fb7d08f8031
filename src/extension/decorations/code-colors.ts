import * as vscode from 'vscode';
import { type Codebook, COLOR, DEFAULT_COLORS } from '../../core/index';

/** `grounded.colors`: per-code colour overrides ({ codeId: '#rrggbb' }); malformed entries are ignored. */
export function colorOverrides(): ReadonlyMap<string, string> {
  const raw = vscode.workspace.getConfiguration('grounded').get<unknown>('colors');
  const result = new Map<string, string>();
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [id, color] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof color === 'string' && COLOR.test(color)) result.set(id, color.toLowerCase());
    }
  }
  return result;
}

/**
 * The colour a code is drawn in: the user's override, else the codebook's colour, else a palette colour
 * derived from the id (stable, so a code keeps its colour across sessions and machines).
 */
export function codeColor(codeId: string, codebook: Codebook, overrides: ReadonlyMap<string, string>): string {
  const override = overrides.get(codeId);
  if (override) return override;
  const color = codebook.codes.find((code) => code.id === codeId)?.color;
  if (color && COLOR.test(color)) return color.toLowerCase();
  let hash = 0;
  for (const char of codeId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return DEFAULT_COLORS[hash % DEFAULT_COLORS.length] as string;
}
