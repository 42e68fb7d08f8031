/**
 * A value made on first use and kept. For instances of libraries (XML builders and parsers) that a module
 * would otherwise create when it is imported: the desktop extension loads those libraries only when a feature
 * first reads them, so a module-level instance would load them at activation.
 */
export function madeOnce<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
