import type { Loaded } from '../problems';

/** How one kind of Grounded file is read and written. */
export interface FileCodec<T> {
  parse(uri: string, text: string): Loaded<T>;
  serialize(value: T): string;
  /**
   * Told by updateFile what it just wrote (the text is serialize(value)), so a codec may remember the pair
   * and answer the next parse of that exact text without parsing it again.
   */
  written?(uri: string, text: string, value: T): void;
}
