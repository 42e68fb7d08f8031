import assert from 'node:assert/strict';
import type { SurveySettings } from '../../../../src/core/model';
import type { Loaded, Problem } from '../../../../src/core/problems';
import { parseSurvey, type SurveyTable } from '../../../../src/core/survey';

export const URI = 'memory:/study/survey.csv';

export function settings(overrides: Partial<SurveySettings> = {}): SurveySettings {
  return { files: ['survey.csv'], idColumn: 'id', missing: ['', 'NA', 'N/A'], types: {}, ...overrides };
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function parse(text: string, overrides: Partial<SurveySettings> = {}, uri = URI): Loaded<SurveyTable> {
  return parseSurvey(uri, bytes(text), settings(overrides));
}

export function loaded(result: Loaded<SurveyTable>): { table: SurveyTable; warnings: readonly Problem[] } {
  if (!result.ok) assert.fail(`expected the survey to load, got: ${JSON.stringify(result.problems)}`);
  return { table: result.value, warnings: result.warnings };
}

export function failed(result: Loaded<unknown>): readonly Problem[] {
  if (result.ok) assert.fail('expected the survey not to load');
  return result.problems;
}

/** The one problem of a kind, with its place. */
export function only(problems: readonly Problem[], kind: string): Problem {
  const found = problems.filter((p) => p.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind}, got ${JSON.stringify(problems)}`);
  return found[0] as Problem;
}

export function place(p: Problem): [number, number, Problem['severity']] {
  return [p.line, p.column, p.severity];
}
