import { RefiImportError } from '../import-error';
import type { RefiCode, Skipped } from './project-model';
import { decodeSource } from './source-text';
import { readCodes } from './parse-project';
import { attribute, childElements, childNames, parseXml } from './xml-tree';

/** Reads a .qdc file's bytes (UTF-8 or UTF-16, with or without BOM). */
export function readQdc(bytes: Uint8Array, file: string): { codes: RefiCode[]; skipped: Skipped[] } {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    throw new RefiImportError(
      file,
      'is a zip archive, not a codebook; nothing was imported',
      'a whole project (.qdpx) is imported into a new folder with `grounded import qdpx FILE --into DIR`',
    );
  return parseCodebookXml(decodeSource(bytes).stored, file);
}

/** Reads a REFI-QDA codebook (.qdc, namespace urn:QDA-XML:codebook:1.0): its code tree, and what is not imported. */
export function parseCodebookXml(text: string, file: string): { codes: RefiCode[]; skipped: Skipped[] } {
  const root = parseXml(text, file, 'CodeBook', 'codebook').root;
  const skipped: Skipped[] = [];
  const unknown = (element: Record<string, unknown>, where: string, known: readonly string[]) => {
    for (const name of childNames(element))
      if (!known.includes(name))
        skipped.push({ kind: 'unknown element', name: `<${name}> in <${where}>`, reason: 'not imported by Grounded' });
  };
  unknown(root, 'CodeBook', ['Codes', 'Sets']);
  for (const sets of childElements(root, 'Sets'))
    for (const set of childElements(sets, 'Set'))
      skipped.push({ kind: 'set', name: attribute(set, 'name') ?? 'a set', reason: 'Grounded has no sets of codes' });
  const codes = childElements(root, 'Codes').flatMap((codes_) => readCodes(codes_, unknown));
  // A codebook file has no notes: NoteRef is not in its schema, so nothing refers to any.
  return { codes, skipped };
}
