import { XMLBuilder } from 'fast-xml-parser';
import { madeOnce } from '../../made-once';

/**
 * An element as fast-xml-parser's builder takes it: `@_name` keys are attributes, other keys child
 * elements in insertion order (which is why every builder here adds them in the order the schema's
 * sequences require), arrays repeated elements. Absent keys are absent elements, never empty ones.
 */
export type XmlElement = { [key: string]: string | number | XmlElement | readonly XmlElement[] | undefined };

const builder = madeOnce(
  () =>
    new XMLBuilder({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      format: true,
      indentBy: '  ',
      suppressEmptyNode: true,
      suppressBooleanAttributes: false,
      // The library escapes & < > " ' in text and attribute values; no user text is ever put in by hand.
      processEntities: true,
    }),
);

/** A whole XML document, UTF-8, with its declaration, the root element named `root`. */
export function xmlDocument(root: string, element: XmlElement): string {
  return builder().build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: element }) as string;
}

/** `{ [name]: items }` when there are items, nothing otherwise: the schema forbids an empty list element. */
export function listOf(name: string, items: readonly XmlElement[]): XmlElement | undefined {
  return items.length === 0 ? undefined : { [name]: items };
}
