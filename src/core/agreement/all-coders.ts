import { codeTree } from '../analysis/code-tree';
import { krippendorffAlpha } from '../stats/krippendorff-alpha';
import type { Study } from '../study/study';
import { codingsOf } from './compare-coders';
import type { Coefficient } from './two-by-two';

export interface AllCodersAlpha {
  readonly coders: readonly string[];
  /** Transcripts at least two of the coders coded: the units that carry information. */
  readonly transcripts: number;
  /** Krippendorff's α (nominal) of code presence, units = (transcript, code) over every code applied. */
  readonly pooled: Coefficient;
  readonly codes: readonly { readonly code: string; readonly alpha: Coefficient }[];
}

/**
 * Krippendorff's α (nominal) over any number of coders for code presence per transcript: a coder who did not
 * code a transcript is missing there (not "absent"), which α handles; a category includes its descendants.
 */
export function alphaOverCoders(study: Study, coders: readonly string[], codes?: readonly string[]): AllCodersAlpha {
  const units = study.transcripts.filter(
    (t) => coders.filter((coder) => t.sidecars.some((s) => s.coder === coder)).length >= 2,
  );
  const used = new Set(units.flatMap((t) => coders.flatMap((coder) => codingsOf(t, coder).map((c) => c.code))));
  const tree = codeTree(study.codebook, used);
  const rows =
    codes && codes.length > 0
      ? codes.map((id) => tree.find((code) => code.id === id) ?? { id, members: [id] })
      : tree.filter((code) => code.members.some((member) => used.has(member)));
  // Per unit and coder, the codes used (null: no sidecar there, so missing): each code's row is then a lookup.
  const usedBy = coders.map((coder) =>
    units.map((t) =>
      t.sidecars.some((s) => s.coder === coder) ? new Set(codingsOf(t, coder).map((c) => c.code)) : null,
    ),
  );
  const presence = (members: readonly string[]) =>
    usedBy.map((perUnit) =>
      perUnit.map((codes) => (codes === null ? null : members.some((id) => codes.has(id)) ? 1 : 0)),
    );
  const perCode = rows.map((row) => ({ code: row.id, alpha: coefficient(presence(row.members)) }));
  const applied = [...new Set(rows.flatMap((row) => row.members))].filter((id) => used.has(id));
  const perApplied = applied.map((id) => presence([id]));
  const pooledMatrix = coders.map((_, c) => perApplied.flatMap((matrix) => matrix[c] ?? []));
  return { coders, transcripts: units.length, pooled: coefficient(pooledMatrix), codes: perCode };
}

function coefficient(matrix: (number | null)[][]): Coefficient {
  const result = krippendorffAlpha(matrix, 'nominal');
  return result.value === null ? { value: null, reason: result.reason ?? 'undefined' } : { value: result.value };
}
