import type { Code, Codebook } from '../../model';
import { compareStrings } from '../../sidecar/order';
import { isGuid } from '../guids';
import { xmlDocument, type XmlElement } from './xml-document';
import type { XmlText } from './xml-text';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** Thrown when a codebook cannot be written as REFI-QDA; the message says what to do. */
export class RefiExportError extends Error {}

/**
 * The code hierarchy as nested `Code` elements: children under their parent, siblings by name. Every code
 * is codable (Grounded applies categories too); the definition is the `Description`. `noteRefs` gives a
 * code's notes in a project (the codebook-only format has no place for them).
 */
export function codeElements(
  codebook: Codebook,
  xml: XmlText,
  noteRefs: (code: Code) => readonly string[] = () => [],
): XmlElement[] {
  const ids = new Set(codebook.codes.map((code) => code.id));
  const childrenOf = new Map<string | undefined, Code[]>();
  for (const code of codebook.codes) {
    const parent = code.parent !== undefined && ids.has(code.parent) ? code.parent : undefined;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), code]);
  }
  const element = (code: Code): XmlElement => {
    if (code.guid === undefined || !isGuid(code.guid))
      throw new RefiExportError(`code "${code.id}" has no valid guid; store one before exporting`);
    const where = `code "${code.id}"`;
    const refs = noteRefs(code);
    const children = siblings(childrenOf.get(code.id));
    return {
      '@_guid': code.guid,
      '@_name': xml.attribute(code.name, `${where} name`),
      '@_isCodable': 'true',
      ...(code.color !== undefined ? { '@_color': code.color } : {}),
      Description: code.definition ? xml.content(code.definition, `${where} definition`) : undefined,
      NoteRef: refs.length > 0 ? refs.map((guid) => ({ '@_targetGUID': guid })) : undefined,
      Code: children.length > 0 ? children.map(element) : undefined,
    };
  };
  return siblings(childrenOf.get(undefined)).map(element);
}

function siblings(codes: readonly Code[] | undefined): Code[] {
  return [...(codes ?? [])].sort(
    (a, b) => compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) || compareStrings(a.id, b.id),
  );
}

/** A `.qdc` file: the codebook alone (Codebook.xsd). Code memos have no place in it and are left out. */
export function codebookXml(codebook: Codebook, xml: XmlText, origin?: string): string {
  if (codebook.codes.length === 0)
    throw new RefiExportError('the codebook has no codes, and a REFI-QDA codebook needs at least one');
  return xmlDocument('CodeBook', {
    '@_xmlns': CODEBOOK_NAMESPACE,
    ...(origin !== undefined ? { '@_origin': origin } : {}),
    Codes: { Code: codeElements(codebook, xml) },
  });
}
