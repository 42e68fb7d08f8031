import { sameBytes } from '../bytes';

/**
 * The last few files a codec parsed or wrote, by URI: the exact text and the value it stands for. A coding
 * action re-reads its sidecar before writing it (compare and swap); when the text is the one this process
 * just wrote or read, the value is taken from here instead of parsing 2,000 codings again. Keyed by the
 * whole text (a string comparison, far cheaper than a parse) plus whatever else the value depends on.
 */
export class ParseMemo<T> {
  private readonly entries = new Map<string, { readonly context: string; readonly text: string; readonly value: T }>();

  constructor(private readonly limit: number) {}

  get(uri: string, context: string, text: string): T | undefined {
    const entry = this.entries.get(uri);
    return entry !== undefined && entry.context === context && entry.text === text ? entry.value : undefined;
  }

  set(uri: string, context: string, text: string, value: T): void {
    // Re-inserted last, so the map's first key is always the least recently stored.
    this.entries.delete(uri);
    this.entries.set(uri, { context, text, value });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * The value a codec last wrote to each of a few files, by URI, with the exact bytes written. The next coding
 * action on the same sidecar reads those bytes back: their value is taken from here, without decoding or
 * parsing them and without building their text. Keyed by the whole content (a byte comparison) plus whatever
 * else the value depends on, like ParseMemo.
 */
export class WrittenMemo<T> {
  private readonly entries = new Map<
    string,
    { readonly context: string; readonly bytes: Uint8Array; readonly value: T }
  >();

  constructor(private readonly limit: number) {}

  get(uri: string, context: string, bytes: Uint8Array): T | undefined {
    const entry = this.entries.get(uri);
    return entry !== undefined && entry.context === context && sameBytes(entry.bytes, bytes) ? entry.value : undefined;
  }

  set(uri: string, context: string, bytes: Uint8Array, value: T): void {
    this.entries.delete(uri);
    this.entries.set(uri, { context, bytes, value });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Forgets a file: what was written there can no longer be vouched for. */
  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
