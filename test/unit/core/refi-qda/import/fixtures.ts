import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Small REFI-QDA packages written for the tests: the XML a QDA program would write, with the quirks of real
 * exports chosen per test. Not copies of any program's files.
 */
export const GUID = {
  amara: '0f8a7b1c-1111-4a2b-8c3d-000000000001',
  jonas: '0f8a7b1c-1111-4a2b-8c3d-000000000002',
  category: '5b1e0c2d-2222-4b3c-9d4e-000000000001',
  trust: '5b1e0c2d-2222-4b3c-9d4e-000000000002',
  burnout: '5b1e0c2d-2222-4b3c-9d4e-000000000003',
  source1: '9c2d1e3f-3333-4c4d-8e5f-000000000001',
  source2: '9c2d1e3f-3333-4c4d-8e5f-000000000002',
  pdf: '9c2d1e3f-3333-4c4d-8e5f-000000000003',
  audio: '9c2d1e3f-3333-4c4d-8e5f-000000000004',
  gender: '7d3e2f40-4444-4d5e-9f60-000000000001',
  age: '7d3e2f40-4444-4d5e-9f60-000000000002',
  caseA: '8e4f3051-5555-4e6f-a071-000000000001',
  note1: 'a1b2c3d4-6666-4f70-b182-000000000001',
  note2: 'a1b2c3d4-6666-4f70-b182-000000000002',
} as const;

let counter = 0;
/** A fresh GUID (deterministic per run order; enough for fixtures). */
export function guid(): string {
  counter++;
  return `c0ffee00-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface SelectionSpec {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly user?: string;
  readonly description?: string;
  readonly guid?: string;
}

/** A TextSource element with its selections, the text at `path` or inline. */
export function textSource(options: {
  guid: string;
  name: string;
  path?: string;
  inline?: string;
  selections?: readonly SelectionSpec[];
}): string {
  const selections = (options.selections ?? [])
    .map(
      (s) =>
        `<PlainTextSelection guid="${guid()}" startPosition="${s.start}" endPosition="${s.end}">` +
        (s.description !== undefined ? `<Description>${xmlEscape(s.description)}</Description>` : '') +
        `<Coding guid="${s.guid ?? guid()}"${s.user !== undefined ? ` creatingUser="${s.user}"` : ''}><CodeRef targetGUID="${s.code}"/></Coding>` +
        '</PlainTextSelection>',
    )
    .join('');
  const path = options.path !== undefined ? ` plainTextPath="${xmlEscape(options.path)}"` : '';
  const inline =
    options.inline !== undefined ? `<PlainTextContent>${xmlEscape(options.inline)}</PlainTextContent>` : '';
  return `<TextSource guid="${options.guid}" name="${xmlEscape(options.name)}"${path}>${inline}${selections}</TextSource>`;
}

export const USERS = `<Users><User guid="${GUID.amara}" name="Amara N'Diaye"/><User guid="${GUID.jonas}" name="Jonas"/></Users>`;

export const CODEBOOK =
  `<CodeBook><Codes>` +
  `<Code guid="${GUID.category}" name="Relationships" isCodable="false" color="#4E79A7"><Description>How people relate</Description>` +
  `<Code guid="${GUID.trust}" name="Trust" isCodable="true" color="#F28"/>` +
  `</Code>` +
  `<Code guid="${GUID.burnout}" name="Burnout" isCodable="true"/>` +
  `</Codes></CodeBook>`;

/** A project.qde around the given Sources (and optional extra elements in schema order). */
export function projectXml(parts: {
  sources?: string;
  variables?: string;
  cases?: string;
  notes?: string;
  after?: string;
  codebook?: string;
  users?: string;
}): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<Project xmlns="urn:QDA-XML:project:1.0" name="Fixture study" origin="tests">\n' +
    (parts.users ?? USERS) +
    (parts.codebook ?? CODEBOOK) +
    (parts.variables ?? '') +
    (parts.cases ?? '') +
    (parts.sources !== undefined ? `<Sources>${parts.sources}</Sources>` : '') +
    (parts.notes ?? '') +
    (parts.after ?? '') +
    '\n</Project>\n'
  );
}

/** A .qdpx: the project file under `projectName` plus the given entries (strings are UTF-8). */
export function qdpx(
  project: string,
  entries: Record<string, string | Uint8Array> = {},
  projectName = 'project.qde',
): Uint8Array {
  const files: Zippable = { [projectName]: strToU8(project) };
  for (const [name, data] of Object.entries(entries)) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files);
}

/** UTF-16 bytes of a text, with or without a BOM. */
export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units: number[] = bom ? [0xfeff] : [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    const [high, low] = [unit >> 8, unit & 0xff];
    bytes[2 * i] = endian === 'le' ? low : high;
    bytes[2 * i + 1] = endian === 'le' ? high : low;
  });
  return bytes;
}

/** Code-point offset of a passage in a text as stored (CRLF = two). */
export function storedOffset(text: string, passage: string): number {
  const index = text.indexOf(passage);
  if (index < 0) throw new Error(`"${passage}" not in text`);
  return Array.from(text.slice(0, index)).length;
}
