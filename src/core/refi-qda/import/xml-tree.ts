import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RefiImportError } from '../import-error';
import { madeOnce } from '../../made-once';

/**
 * A parsed XML element as fast-xml-parser gives it with the options below: attributes under "@_name",
 * every child element in an array (also a single one), text in "#text" or, for an element with nothing but
 * text, the string itself. Namespace prefixes are dropped: exporters differ in whether they write them.
 */
export type XmlElement = Record<string, unknown>;

const metaData = madeOnce(() => XMLParser.getMetaDataSymbol());

const parser = madeOnce(
  () =>
    new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      removeNSPrefix: true,
      // Text as written: no trimming (positions index into PlainTextContent), no number guessing.
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      captureMetaData: true,
      isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
    }),
);

/** An XML document's root element, by name; RefiImportError with line and column when it is not well-formed. */
export function parseXml(text: string, file: string, expectedRoot: string, what: string): XmlDocument {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new RefiImportError(
      file,
      `is not well-formed XML: ${valid.err.msg}; nothing was imported`,
      `export the ${what} again; if it came from a program, report the broken file to its makers`,
      valid.err.line,
      valid.err.col,
    );
  }
  let parsed: XmlElement;
  try {
    parsed = parser().parse(text) as XmlElement;
  } catch (error) {
    throw new RefiImportError(file, `cannot be read as XML: ${(error as Error).message}`, `export the ${what} again`);
  }
  const roots = Object.keys(parsed).filter((key) => !key.startsWith('?') && !key.startsWith('#'));
  const root = (parsed[expectedRoot] as XmlElement[] | undefined)?.[0];
  if (root === undefined) {
    throw new RefiImportError(
      file,
      `is XML but not a REFI-QDA ${what}: its root element is <${roots[0] ?? 'nothing'}>, not <${expectedRoot}>; nothing was imported`,
      expectedRoot === 'Project'
        ? 'give a .qdpx project exported by a QDA program; a codebook (.qdc) is imported with `grounded import qdc`'
        : 'give a .qdc codebook; a whole project (.qdpx) is imported with `grounded import qdpx`',
    );
  }
  return new XmlDocument(text, root);
}

export class XmlDocument {
  private lineStarts: number[] | undefined;

  constructor(
    readonly text: string,
    readonly root: XmlElement,
  ) {}

  /** 1-based line and column of an element's start tag, when the parser recorded it. */
  positionOf(element: XmlElement): { line: number; column: number } | undefined {
    const start = (element[metaData() as unknown as string] as { startIndex?: number } | undefined)?.startIndex;
    if (start === undefined) return undefined;
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= start) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: start - (this.lineStarts[low] as number) + 1 };
  }
}

/** The child elements of a name (an empty list when there are none). Text-only children come back as strings. */
export function children(element: XmlElement, name: string): unknown[] {
  const value = element[name];
  return Array.isArray(value) ? value : [];
}

/** Child elements that are elements (an element with only text is given as its text: wrap it). */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return children(element, name).map((child) =>
    typeof child === 'object' && child !== null ? (child as XmlElement) : { '#text': String(child) },
  );
}

/** The text of the first child element of a name, or undefined. */
export function childText(element: XmlElement, name: string): string | undefined {
  const [first] = children(element, name);
  if (first === undefined) return undefined;
  if (typeof first === 'string') return first;
  const text = (first as XmlElement)['#text'];
  return typeof text === 'string' ? text : text === undefined ? '' : String(text);
}

export function attribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** Names of the child elements (not attributes, not text). */
export function childNames(element: XmlElement): string[] {
  return Object.keys(element).filter((key) => !key.startsWith('@_') && !key.startsWith('#'));
}

/** A GUID in one form: lowercase, without the braces the schema also allows. */
export function normalizeGuid(guid: string | undefined): string | undefined {
  if (guid === undefined) return undefined;
  const trimmed = guid.trim().replace(/^\{(.*)\}$/, '$1');
  return trimmed === '' ? undefined : trimmed.toLowerCase();
}
