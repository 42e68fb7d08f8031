import type { Loaded } from '../problems';

/** How one kind of Grounded file is read and written. */
export interface FileCodec<T> {
  parse(uri: string, text: string): Loaded<T>;
  serialize(value: T): string;
  /**
   * The UTF-8 of serialize(value), byte for byte, for a codec that builds the bytes faster than encoding the
   * text (a sidecar from its codings' cached bytes). updateFile then writes these and never builds the text.
   */
  encode?(value: T): Uint8Array;
  /**
   * Told by updateFile what it just wrote (the bytes are encode(value), or the UTF-8 of serialize(value)), so
   * a codec may remember the pair and `recall` the value when the next read finds exactly those bytes.
   */
  written?(uri: string, bytes: Uint8Array, value: T): void;
  /**
   * Told the value updateFile is writing once the file system commits it: the comparison with what was read has
   * passed and the last operation (the rename) has started (or, for a file system that cannot tell that moment,
   * once the replace is done). A display can draw it while that operation runs instead of after. Told at most once
   * per updateFile; the write may still fail after it, and a caller that shows the value puts back what it showed
   * before when updateFile throws.
   */
  writing?(uri: string, value: T): void;
  /**
   * The value a parse of these bytes would give, when the codec knows it without decoding and parsing them
   * (they are the bytes it was last told were written to `uri`); undefined when it does not.
   */
  recall?(uri: string, bytes: Uint8Array): T | undefined;
}
