/**
 * A REFI-QDA file that cannot be imported: not a zip, not XML, no project inside, unsafe entries. The message
 * names the file and what is wrong; the hint says what to do. Nothing has been written when it is thrown:
 * everything is parsed and mapped in memory before the first file is created.
 */
export class RefiImportError extends Error {
  constructor(
    /** The file the problem is in: the package itself, or an entry inside it ("MyProject.qdpx › project.qde"). */
    readonly file: string,
    message: string,
    readonly hint: string,
    /** 1-based, when the problem has a place in an XML file. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}:${column ?? 1}` : ''}: ${message}`);
  }
}
