import type { Study } from './study';

/**
 * Whose codings the editor shows. Normally everyone's; while coding blind only the current coder's, so that
 * a second coder's judgement is not anchored by the first's. When who is coding is unknown while blind,
 * nobody's: showing everyone would defeat the point.
 */
export type VisibleCoders = { readonly blind: false } | { readonly blind: true; readonly coder: string | undefined };

export const ALL_CODERS_VISIBLE: VisibleCoders = { blind: false };

export function visibleCoders(blind: boolean, currentCoder: string | undefined): VisibleCoders {
  return blind ? { blind: true, coder: currentCoder } : ALL_CODERS_VISIBLE;
}

export function isCoderVisible(visible: VisibleCoders, coder: string): boolean {
  return !visible.blind || visible.coder === coder;
}

/**
 * The study as the display shows it: every transcript keeps only its visible coders' sidecars. The study
 * itself is returned when everyone is visible; the result is for reading only (writes go through the study
 * as loaded, which keeps every coder's sidecar).
 */
export function visibleStudy(study: Study, visible: VisibleCoders): Study {
  if (!visible.blind) return study;
  return {
    ...study,
    transcripts: study.transcripts.map((transcript) => ({
      ...transcript,
      sidecars: transcript.sidecars.filter((sidecar) => isCoderVisible(visible, sidecar.coder)),
    })),
  };
}

/** One sentence for the status bar's tooltip: what is shown and whose codings are hidden. */
export function describeVisibleCoders(visible: VisibleCoders): string {
  if (!visible.blind) return "Blind coding is off: every coder's codings are shown.";
  if (visible.coder === undefined)
    return "Blind coding is on, but who is coding is unknown (no grounded.coder setting, no git user.name): nobody's codings are shown.";
  return `Blind coding is on: only ${visible.coder}'s codings are shown; every other coder's are hidden.`;
}
