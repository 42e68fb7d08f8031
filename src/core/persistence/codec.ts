import type { Loaded } from '../problems';

/** How one kind of Grounded file is read and written. */
export interface FileCodec<T> {
  parse(uri: string, text: string): Loaded<T>;
  serialize(value: T): string;
}
