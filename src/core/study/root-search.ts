/**
 * The study roots of a workspace, found again whenever they may have changed (a grounded.yaml was added or
 * removed, a workspace folder came or went, a study folder vanished). Searches overlap when files change
 * quickly: only the newest one may set the roots.
 */
export class RootSearch {
  private roots: readonly string[] = [];
  private known: Promise<void>;
  private generation = 0;

  /**
   * `find` returns every root, deepest first; `found` hears each accepted result.
   */
  constructor(
    private readonly find: () => Promise<readonly string[]>,
    private readonly found: (roots: readonly string[]) => void,
  ) {
    this.known = this.search();
  }

  /** The roots once the newest search finished. */
  async list(): Promise<readonly string[]> {
    await this.known;
    return this.roots;
  }

  /** The roots as last found, without waiting for a search under way. */
  get latest(): readonly string[] {
    return this.roots;
  }

  /** Searches again; resolves when the newest search finished. */
  refresh(): Promise<void> {
    this.known = this.search();
    return this.known;
  }

  /** Forgets a root at once (its folder is gone) and searches again. */
  drop(root: string): void {
    this.roots = this.roots.filter((candidate) => candidate !== root);
    void this.refresh();
  }

  private async search(): Promise<void> {
    const generation = ++this.generation;
    const roots = await this.find();
    if (generation !== this.generation) return this.known;
    this.roots = roots;
    this.found(roots);
  }
}
