import type { MergedSurvey, SurveyColumn, SurveyValue } from '../../survey/types';
import { compareStrings } from '../../sidecar/order';
import { stableGuid } from '../guids';
import type { XmlElement } from './xml-document';
import type { XmlText } from './xml-text';

type VariableKind = 'Text' | 'Integer' | 'Float' | 'Boolean' | 'Date';

const VALUE_ELEMENT: Record<VariableKind, string> = {
  Text: 'TextValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Boolean: 'BooleanValue',
  Date: 'DateValue',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Variable {
  readonly column: SurveyColumn;
  readonly guid: string;
  readonly kind: VariableKind;
}

/**
 * How a survey column travels: numbers as Integer when every value is whole, else Float; a Likert column as
 * its labels (Text), so the scale reads the same on the other side, an unlabelled ordinal as Integer; yes-no
 * as Boolean (the words used in the CSV are lost); dates as Date when every value is a plain `YYYY-MM-DD`
 * (date-times and other spellings as Text); categories and free text as Text.
 */
function kindOf(column: SurveyColumn, values: readonly SurveyValue[]): VariableKind {
  switch (column.type) {
    case 'numeric':
      return values.every((v) => typeof v !== 'number' || Number.isInteger(v)) ? 'Integer' : 'Float';
    case 'ordinal':
      return column.scale?.labels ? 'Text' : 'Integer';
    case 'yes-no':
      return 'Boolean';
    case 'date':
      return values.every((v) => typeof v !== 'string' || ISO_DATE.test(v)) ? 'Date' : 'Text';
    default:
      return 'Text';
  }
}

/** A variable's value as its XML element's text, or undefined for a missing value. */
function valueText(variable: Variable, value: SurveyValue): string | undefined {
  if (value === null) return undefined;
  const { column, kind } = variable;
  if (typeof value === 'boolean')
    return kind === 'Boolean' ? String(value) : (column.levels?.[value ? 1 : 0] ?? String(value));
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const labels = column.scale?.labels;
    if (kind === 'Text' && labels) return labels[value - (column.scale?.min ?? 1)] ?? String(value);
    return decimal(value);
  }
  return value;
}

/** xsd:decimal and xsd:integer have no exponent: 1e-7 is written 0.0000001. */
export function decimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, head, tail = '', exponentText] = match;
  const exponent = Number(exponentText);
  const digits = (head as string) + tail;
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const point = 1 + exponent;
  return digits.length > point
    ? `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
    : `${sign}${digits}${'0'.repeat(point - digits.length)}`;
}

export interface CasesAndVariables {
  readonly variables: XmlElement[];
  readonly cases: XmlElement[];
}

/**
 * Survey columns as Variables and participants as Cases: one Case per survey row and per participant with a
 * transcript but no row, carrying its typed values (missing ones left out) and SourceRefs to its transcripts.
 * GUIDs derive from the column header and the participant id, the keys the study itself joins on.
 */
export function casesAndVariables(
  survey: MergedSurvey | undefined,
  sourcesOf: ReadonlyMap<string, readonly string[]>,
  xml: XmlText,
): CasesAndVariables {
  const rows = survey?.rows ?? [];
  const variables: Variable[] = (survey?.columns ?? []).map((column) => ({
    column,
    guid: stableGuid('variable', column.name),
    kind: kindOf(
      column,
      rows.map((row) => row.values[column.name] ?? null),
    ),
  }));
  const ids = [
    ...rows.map((row) => row.id),
    ...[...sourcesOf.keys()].filter((id) => !rows.some((row) => row.id === id)).sort(compareStrings),
  ];
  const valuesOf = new Map(rows.map((row) => [row.id, row.values]));
  const cases = ids.map((id): XmlElement => {
    const values = valuesOf.get(id) ?? {};
    const variableValues = variables.flatMap((variable): XmlElement[] => {
      const text = valueText(variable, values[variable.column.name] ?? null);
      if (text === undefined) return [];
      const where = `survey value of ${id}, ${variable.column.name}`;
      return [
        {
          VariableRef: { '@_targetGUID': variable.guid },
          [VALUE_ELEMENT[variable.kind]]: variable.kind === 'Text' ? xml.content(text, where) : text,
        },
      ];
    });
    const sources = sourcesOf.get(id) ?? [];
    return {
      '@_guid': stableGuid('case', id),
      '@_name': xml.attribute(id, `participant ${id}`),
      VariableValue: variableValues.length > 0 ? variableValues : undefined,
      SourceRef: sources.length > 0 ? sources.map((guid) => ({ '@_targetGUID': guid })) : undefined,
    };
  });
  return {
    variables: variables.map((variable) => ({
      '@_guid': variable.guid,
      '@_name': xml.attribute(variable.column.name, `survey column ${variable.column.name}`),
      '@_typeOfVariable': variable.kind,
    })),
    cases,
  };
}
