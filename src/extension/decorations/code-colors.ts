import * as vscode from 'vscode';
import { type Codebook, COLOR } from '../../core/index';

/** Tableau 10: distinct on light and dark backgrounds, for codes the codebook gives no colour. */
const FALLBACK_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

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
  return FALLBACK_PALETTE[hash % FALLBACK_PALETTE.length] as string;
}
