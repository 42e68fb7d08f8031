/** Counts what a conversion leaves out, by kind, and words it as "3 NOTE blocks", "1 image". */
export class DroppedCounter {
  private readonly counts = new Map<string, { count: number; singular: string; plural: string }>();

  add(singular: string, plural: string, count = 1): void {
    if (count <= 0) return;
    const entry = this.counts.get(singular);
    if (entry) entry.count += count;
    else this.counts.set(singular, { count, singular, plural });
  }

  /** In the order kinds were first met, which follows the source and is therefore deterministic. */
  list(): string[] {
    return [...this.counts.values()].map(
      ({ count, singular, plural }) => `${count} ${count === 1 ? singular : plural}`,
    );
  }
}
