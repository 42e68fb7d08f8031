import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiTextSource,
  RefiUser,
  RefiValueType,
  RefiVariable,
  RefiVariableValue,
  Skipped,
  SkippedKind,
} from './project-model';
import { attribute, childElements, childNames, childText, normalizeGuid, parseXml, type XmlElement } from './xml-tree';

/**
 * Reads a REFI-QDA project (.qde, namespace urn:QDA-XML:project:1.0) into what Grounded imports. Lenient
 * where the meaning is clear (GUIDs in any case or in braces, `#rgb` colours, booleans as 1/0), strict only
 * where nothing can be made of the file (not XML, another root element). Every element it does not import
 * is listed in `skipped` with the reason.
 */
export function parseProject(text: string, file: string): RefiProject {
  const root = parseXml(text, file, 'Project', 'project').root;
  const skipped: Skipped[] = [];
  const skip = (kind: SkippedKind, name: string, reason: string) => skipped.push({ kind, name, reason });
  const unknown = (element: XmlElement, where: string, known: readonly string[]) => {
    for (const name of childNames(element))
      if (!known.includes(name))
        skip('unknown element', `<${name}> in <${where}>`, 'not part of REFI-QDA 1.5, or not imported by Grounded');
  };
  unknown(root, 'Project', PROJECT_CHILDREN);

  const users: RefiUser[] = [];
  for (const users_ of childElements(root, 'Users')) {
    unknown(users_, 'Users', ['User']);
    for (const user of childElements(users_, 'User')) {
      const guid = normalizeGuid(attribute(user, 'guid'));
      const name = nonBlank(attribute(user, 'name')) ?? nonBlank(attribute(user, 'id'));
      if (guid !== undefined) users.push({ guid, ...(name !== undefined ? { name } : {}) });
    }
  }

  const codes = childElements(root, 'CodeBook').flatMap((codebook) => {
    unknown(codebook, 'CodeBook', ['Codes']);
    return childElements(codebook, 'Codes').flatMap((codes_) => readCodes(codes_, unknown));
  });

  const variables: RefiVariable[] = [];
  const variableTypes = new Map<string, RefiValueType>();
  for (const variables_ of childElements(root, 'Variables')) {
    unknown(variables_, 'Variables', ['Variable']);
    for (const variable of childElements(variables_, 'Variable')) {
      unknown(variable, 'Variable', ['Description']);
      const guid = normalizeGuid(attribute(variable, 'guid'));
      const name = nonBlank(attribute(variable, 'name'));
      const type = VALUE_TYPES.find((t) => t === attribute(variable, 'typeOfVariable')) ?? 'Text';
      if (guid === undefined || name === undefined) {
        skip('case data', name ?? 'a variable', 'the variable has no guid or no name');
        continue;
      }
      variables.push({ guid, name, type });
      variableTypes.set(guid, type);
      if (childText(variable, 'Description')?.trim())
        skip('case data', `description of variable "${name}"`, 'survey columns have no description in Grounded');
    }
  }

  const cases: RefiCase[] = [];
  for (const cases_ of childElements(root, 'Cases')) {
    unknown(cases_, 'Cases', ['Case']);
    for (const case_ of childElements(cases_, 'Case')) {
      unknown(case_, 'Case', ['Description', 'CodeRef', 'VariableValue', 'SourceRef', 'SelectionRef']);
      const guid = normalizeGuid(attribute(case_, 'guid'));
      const name = nonBlank(attribute(case_, 'name'));
      if (guid === undefined) {
        skip('case data', name ?? 'a case', 'the case has no guid');
        continue;
      }
      const label = `case "${name ?? guid}"`;
      if (childElements(case_, 'CodeRef').length > 0)
        skip('case data', label, 'codes assigned to a whole case have no place in Grounded (code its transcripts)');
      if (childElements(case_, 'SelectionRef').length > 0)
        skip('case data', label, 'selections linked to a case are not imported (its sources are)');
      if (childText(case_, 'Description')?.trim())
        skip('case data', `description of ${label}`, 'participants have no description in Grounded');
      cases.push({
        guid,
        ...(name !== undefined ? { name } : {}),
        values: readValues(case_, variableTypes),
        sources: childElements(case_, 'SourceRef').flatMap((ref) => guidList(attribute(ref, 'targetGUID'))),
      });
    }
  }

  const sources: RefiTextSource[] = [];
  for (const sources_ of childElements(root, 'Sources')) {
    unknown(sources_, 'Sources', [...Object.keys(OTHER_SOURCES), 'TextSource']);
    for (const [element, kind] of Object.entries(OTHER_SOURCES))
      for (const source of childElements(sources_, element))
        skip(
          kind,
          attribute(source, 'name') ?? attribute(source, 'guid') ?? element,
          'Grounded codes plain text only; export its text as a text source to bring it over',
        );
    for (const source of childElements(sources_, 'TextSource')) {
      const read = readTextSource(source, unknown, variableTypes);
      if (read === undefined) skip('text source', attribute(source, 'name') ?? 'a text source', 'it has no guid');
      else sources.push(read);
    }
  }

  const notes: RefiNote[] = [];
  for (const notes_ of childElements(root, 'Notes')) {
    unknown(notes_, 'Notes', ['Note']);
    for (const note of childElements(notes_, 'Note')) {
      unknown(note, 'Note', TEXT_SOURCE_CHILDREN);
      const name = nonBlank(attribute(note, 'name'));
      if (childElements(note, 'PlainTextSelection').length > 0 || childElements(note, 'Coding').length > 0)
        skip('note', name ?? 'a note', 'codings inside a note are not imported (the note text is)');
      notes.push({
        ...optional('guid', normalizeGuid(attribute(note, 'guid'))),
        ...optional('name', name),
        ...textOf(note),
        ...optional('created', attribute(note, 'creationDateTime')),
      });
    }
  }

  for (const [element, kind, inner] of [
    ['Sets', 'set', 'Set'],
    ['Graphs', 'graph', 'Graph'],
    ['Links', 'link', 'Link'],
  ] as const) {
    for (const group of childElements(root, element))
      for (const item of childElements(group, inner))
        skip(kind, attribute(item, 'name') ?? attribute(item, 'guid') ?? inner, SKIP_REASONS[kind]);
  }

  const description = nonBlank(childText(root, 'Description'));
  const name = nonBlank(attribute(root, 'name'));
  return {
    ...optional('name', name),
    ...optional('description', description),
    users,
    codes,
    variables,
    cases,
    sources,
    notes,
    noteRefs: noteRefs(root),
    skipped,
  };
}

const PROJECT_CHILDREN = [
  'Users',
  'CodeBook',
  'Variables',
  'Cases',
  'Sources',
  'Notes',
  'Links',
  'Sets',
  'Graphs',
  'Description',
  'NoteRef',
] as const;

const TEXT_SOURCE_CHILDREN = [
  'Description',
  'PlainTextContent',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'VariableValue',
] as const;

const OTHER_SOURCES: Readonly<Record<string, SkippedKind>> = {
  PDFSource: 'PDF source',
  PictureSource: 'picture source',
  AudioSource: 'audio source',
  VideoSource: 'video source',
};

const SKIP_REASONS: Readonly<Record<'set' | 'graph' | 'link', string>> = {
  set: 'Grounded has no sets (groups of codes or documents); its codes and sources are imported',
  graph: 'Grounded has no graphs (concept maps)',
  link: 'Grounded has no links between codes or passages yet',
};

const VALUE_TYPES: readonly RefiValueType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

type Unknown = (element: XmlElement, where: string, known: readonly string[]) => void;

/** The code tree, depth first; a code's children are read from its nested <Code> elements. */
export function readCodes(codes: XmlElement, unknown: Unknown): RefiCode[] {
  unknown(codes, 'Codes', ['Code']);
  const read = (element: XmlElement): RefiCode => {
    unknown(element, 'Code', ['Description', 'NoteRef', 'Code']);
    const color = expandColor(attribute(element, 'color'));
    const description = nonBlank(childText(element, 'Description'));
    return {
      ...optional('guid', normalizeGuid(attribute(element, 'guid'))),
      name: nonBlank(attribute(element, 'name')) ?? 'Unnamed code',
      isCodable: !/^(false|0)$/i.test(attribute(element, 'isCodable')?.trim() ?? 'true'),
      ...optional('color', color),
      ...optional('description', description),
      noteRefs: noteRefs(element),
      children: childElements(element, 'Code').map(read),
    };
  };
  return childElements(codes, 'Code').map(read);
}

function readTextSource(
  source: XmlElement,
  unknown: Unknown,
  variableTypes: ReadonlyMap<string, RefiValueType>,
): RefiTextSource | undefined {
  unknown(source, 'TextSource', TEXT_SOURCE_CHILDREN);
  const guid = normalizeGuid(attribute(source, 'guid'));
  if (guid === undefined) return undefined;
  const selections = childElements(source, 'PlainTextSelection').map((selection): RefiSelection => {
    unknown(selection, 'PlainTextSelection', ['Description', 'Coding', 'NoteRef']);
    return {
      ...optional('guid', normalizeGuid(attribute(selection, 'guid'))),
      ...optional('start', integer(attribute(selection, 'startPosition'))),
      ...optional('end', integer(attribute(selection, 'endPosition'))),
      ...optional('description', nonBlank(childText(selection, 'Description'))),
      ...optional('creatingUser', normalizeGuid(attribute(selection, 'creatingUser'))),
      codings: readCodings(selection, unknown),
      noteRefs: noteRefs(selection),
    };
  });
  return {
    guid,
    ...optional('name', nonBlank(attribute(source, 'name'))),
    ...optional('description', nonBlank(childText(source, 'Description'))),
    ...optional('creatingUser', normalizeGuid(attribute(source, 'creatingUser'))),
    ...textOf(source),
    selections,
    codings: readCodings(source, unknown),
    noteRefs: noteRefs(source),
    values: readValues(source, variableTypes),
  };
}

function readCodings(parent: XmlElement, unknown: Unknown): RefiCoding[] {
  return childElements(parent, 'Coding').map((coding) => {
    unknown(coding, 'Coding', ['CodeRef', 'NoteRef']);
    const [codeRef] = childElements(coding, 'CodeRef');
    return {
      ...optional('guid', normalizeGuid(attribute(coding, 'guid'))),
      ...optional('code', codeRef ? normalizeGuid(attribute(codeRef, 'targetGUID')) : undefined),
      ...optional('creatingUser', normalizeGuid(attribute(coding, 'creatingUser'))),
      noteRefs: noteRefs(coding),
    };
  });
}

/** Inline text (PlainTextContent) or where the text file is (plainTextPath, or path as some tools write). */
function textOf(element: XmlElement): { content?: string; path?: string } {
  const content = childText(element, 'PlainTextContent');
  const path = nonBlank(attribute(element, 'plainTextPath')) ?? nonBlank(attribute(element, 'path'));
  return { ...optional('content', content), ...optional('path', path) };
}

function readValues(element: XmlElement, types: ReadonlyMap<string, RefiValueType>): RefiVariableValue[] {
  return childElements(element, 'VariableValue').flatMap((value) => {
    const [ref] = childElements(value, 'VariableRef');
    const variable = ref ? normalizeGuid(attribute(ref, 'targetGUID')) : undefined;
    if (variable === undefined || !types.has(variable)) return [];
    for (const kind of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']) {
      const text = childText(value, kind);
      if (text === undefined) continue;
      if (kind === 'BooleanValue') {
        const yes = /^\s*(true|1)\s*$/i.test(text);
        const no = /^\s*(false|0)\s*$/i.test(text);
        return [{ variable, value: yes ? 'yes' : no ? 'no' : text.trim() }];
      }
      return [{ variable, value: kind === 'TextValue' ? text : text.trim() }];
    }
    return [];
  });
}

function noteRefs(element: XmlElement): string[] {
  return childElements(element, 'NoteRef').flatMap((ref) => guidList(attribute(ref, 'targetGUID')));
}

function guidList(guid: string | undefined): string[] {
  const normalized = normalizeGuid(guid);
  return normalized === undefined ? [] : [normalized];
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
}

/** `#rgb` and `#rrggbb` (any case) as lowercase `#rrggbb`; anything else is no colour. */
function expandColor(color: string | undefined): string | undefined {
  const value = color?.trim().toLowerCase();
  if (value === undefined) return undefined;
  if (/^#[0-9a-f]{6}$/.test(value)) return value;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : undefined;
}

function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
