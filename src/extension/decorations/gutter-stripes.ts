/** Stripes drawn at most: a line with more codes shows the first ones, the hover lists all. */
export const MAX_GUTTER_STRIPES = 3;

/**
 * The colours a line's gutter mark shows, in one order whatever order its codings come in: the same codes
 * on two lines make the same mark (one decoration type, not one per order met). A transcript of thousands
 * of codings otherwise needs a type for nearly every coded line, and each type costs its first opening time.
 */
export function gutterStripes(colors: readonly string[]): string[] {
  return [...colors].sort().slice(0, MAX_GUTTER_STRIPES);
}
